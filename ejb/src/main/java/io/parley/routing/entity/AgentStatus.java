package io.parley.routing.entity;

import java.util.Locale;

/** Whether an agent takes new conversations: only {@code ONLINE} agents are assigned any. */
public enum AgentStatus {
    ONLINE,
    AWAY,
    OFFLINE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the unknown status */
    public static AgentStatus fromWire(String name) {
        for (AgentStatus status : values()) {
            if (status.wireName().equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown agent status '" + name + "': online, away or offline");
    }
}
