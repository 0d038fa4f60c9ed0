package io.parley.conversations.entity;

/** Who wrote a message. */
public enum Sender {
    USER,
    BOT,
    AGENT,
    SYSTEM;

    public String wireName() {
        return name().toLowerCase();
    }
}
