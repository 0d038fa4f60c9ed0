package io.parley.autoreply.entity;

import io.parley.platform.entity.Refusal;
import io.parley.platform.entity.WireNames;

/** How a canned response's trigger is compared with what a visitor wrote. */
public enum MatchType {
    /** The whole message is the trigger. */
    EXACT,
    /** The message contains the trigger as a phrase of whole words. */
    PARTIAL,
    /** The trigger is a comma-separated list of words; any one of them in the message matches. */
    KEYWORD;

    public String wireName() {
        return WireNames.of(this);
    }

    /** @throws Refusal (invalid) naming the unknown type */
    public static MatchType fromWire(String name) {
        return WireNames.parse(MatchType.class, name, "matchType");
    }
}
