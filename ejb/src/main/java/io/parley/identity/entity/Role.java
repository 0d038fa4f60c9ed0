package io.parley.identity.entity;

import io.parley.platform.entity.Refusal;
import io.parley.platform.entity.WireNames;


/** What a person behind the console may do. On the wire and in tokens ({@code groups}) in lower case. */
public enum Role {
    /** everything */
    ADMIN,
    /** conversations, canned responses, tickets, notifications */
    AGENT;

    public String wireName() {
        return WireNames.of(this);
    }

    /** @throws Refusal (invalid) naming the unknown role */
    public static Role fromWire(String name) {
        return WireNames.parse(Role.class, name, "role");
    }
}
