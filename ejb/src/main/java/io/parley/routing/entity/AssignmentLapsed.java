package io.parley.routing.entity;

/** An agent did not take an assignment up in time: the session moved on and the agent was set away. */
public record AssignmentLapsed(String sessionId, String agentId) {
}
