package io.parley.conversations.entity;

/**
 * An agent opened a conversation with a visitor on the site (proactive chat): the visitor's page, known by
 * {@code visitorId}, learns the new session, its token (shown once, to that visitor alone) and the agent's first message.
 */
public record ChatInitiated(ChatSession session, String token, ChatMessage message, String visitorId) {
}
