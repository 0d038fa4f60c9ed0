package io.parley.conversations.entity;

/**
 * Someone started or stopped writing in a session: the visitor ({@code agentId} and {@code agentName} null) or an
 * agent. Nothing is stored.
 */
public record Typing(ChatSession session, Sender sender, String agentId, String agentName, boolean typing) {
}
