package io.parley.assistant.entity;

import io.parley.platform.entity.WireNames;


/** The three wire formats Parley speaks; {@code OPENAI} also covers OpenAI-compatible servers (Ollama, vLLM) by base URL. */
public enum Provider {
    OPENAI, GEMINI, ANTHROPIC;

    public String wireName() {
        return WireNames.of(this);
    }

    /** @throws IllegalArgumentException naming the unknown provider */
    public static Provider fromWire(String name) {
        return WireNames.parse(Provider.class, name, "provider");
    }
}
