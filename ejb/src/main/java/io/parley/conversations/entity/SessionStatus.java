package io.parley.conversations.entity;

import io.parley.platform.entity.Refusal;
import io.parley.platform.entity.WireNames;


/**
 * Where a chat session is in its life: the assistant answers while {@code ACTIVE}; {@code WAITING_AGENT} once the
 * visitor asked for a person; {@code ASSIGNED} while an agent owns it (the assistant is quiet); {@code RESOLVED} when
 * an agent closed it, {@code CLOSED} when the visitor ended it.
 */
public enum SessionStatus {
    ACTIVE,
    WAITING_AGENT,
    ASSIGNED,
    RESOLVED,
    CLOSED;

    public String wireName() {
        return WireNames.of(this);
    }

    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }

    /** @throws Refusal (invalid) naming the unknown status */
    public static SessionStatus fromWire(String name) {
        return WireNames.parse(SessionStatus.class, name, "status");
    }
}
