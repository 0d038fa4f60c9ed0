package io.parley.conversations.entity;

import io.parley.platform.entity.WireNames;

/** Who wrote a message. */
public enum Sender {
    USER,
    BOT,
    AGENT,
    SYSTEM;

    public String wireName() {
        return WireNames.of(this);
    }
}
