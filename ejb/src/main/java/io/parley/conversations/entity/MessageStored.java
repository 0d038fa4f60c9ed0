package io.parley.conversations.entity;

/**
 * A person's message — the visitor's or an agent's — is stored in its session (as the session is after it).
 * {@code again}: it had been stored before, and its client sent it again (it never got the answer: a connection or the
 * database failed as it was stored), so whoever follows the session may have missed it too; nothing else is to react
 * to it twice.
 */
public record MessageStored(ChatMessage message, ChatSession session, boolean again) {
}
