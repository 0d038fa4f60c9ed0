package io.parley.conversations.entity;

/** An agent left an internal note on a session: for agents who may see the session, never for the visitor. */
public record NoteAdded(InternalNote note, ChatSession session) {
}
