package io.parley.identity.entity;

import java.util.Locale;

/** What a person behind the console may do. On the wire and in tokens ({@code groups}) in lower case. */
public enum Role {
    /** everything */
    ADMIN,
    /** conversations, canned responses, tickets, notifications */
    AGENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the unknown role */
    public static Role fromWire(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + name + "': roles are admin and agent");
    }
}
