package io.parley.routing.entity;

/**
 * An agent did not take an assignment up in time: the session moved on, and the agent's status is now {@code status}
 * (away, unless the offer was one of a run of several: Routing's rule).
 */
public record AssignmentLapsed(String sessionId, String agentId, AgentStatus status) {
}
