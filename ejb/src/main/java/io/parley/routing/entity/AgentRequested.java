package io.parley.routing.entity;

import io.parley.conversations.entity.ChatSession;

/**
 * A conversation joined the queue for a person, and why: {@code visitor_request} (the button), the visitor's own words,
 * a repeated question, the model's handoff or its low confidence.
 */
public record AgentRequested(ChatSession session, String reason) {
}
