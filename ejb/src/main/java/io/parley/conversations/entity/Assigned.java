package io.parley.conversations.entity;

/** A session was given to an agent — by routing, by hand or by a transfer; its owner is {@code session.assignedAgentId()}. */
public record Assigned(ChatSession session) {
}
