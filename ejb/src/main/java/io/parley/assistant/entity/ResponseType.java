package io.parley.assistant.entity;

import io.parley.platform.entity.Refusal;
import io.parley.platform.entity.WireNames;

/** Where an answer of the assistant came from. */
public enum ResponseType {
    /** A canned response of the auto-reply engine: no LLM was asked. */
    AUTO_REPLY,
    /** A provider of the LLM fleet. */
    LLM,
    /** No provider could answer: the visitor was offered a person or the offline form. */
    FALLBACK;

    public String wireName() {
        return WireNames.of(this);
    }

    /** @throws Refusal (invalid) naming the unknown type */
    public static ResponseType fromWire(String name) {
        return WireNames.parse(ResponseType.class, name, "responseType");
    }
}
