package io.parley.routing.entity;

import io.parley.platform.entity.Refusal;
import io.parley.platform.entity.WireNames;


/** Whether an agent takes new conversations: only {@code ONLINE} agents are assigned any. */
public enum AgentStatus {
    ONLINE,
    AWAY,
    OFFLINE;

    public String wireName() {
        return WireNames.of(this);
    }

    /** @throws Refusal (invalid) naming the unknown status */
    public static AgentStatus fromWire(String name) {
        return WireNames.parse(AgentStatus.class, name, "agent status");
    }
}
