package io.parley.conversations.entity;

/** Where a chat session is in its life. Later issues add the agent states between these two. */
public enum SessionStatus {
    ACTIVE,
    CLOSED;

    public String wireName() {
        return name().toLowerCase();
    }
}
