package io.parley.assistant.entity;

import java.util.Locale;

/** The three wire formats Parley speaks; {@code OPENAI} also covers OpenAI-compatible servers (Ollama, vLLM) by base URL. */
public enum Provider {
    OPENAI, GEMINI, ANTHROPIC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the unknown provider */
    public static Provider fromWire(String name) {
        for (Provider provider : values()) {
            if (provider.wireName().equals(name)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("Unknown provider '" + name + "': openai, gemini or anthropic");
    }
}
