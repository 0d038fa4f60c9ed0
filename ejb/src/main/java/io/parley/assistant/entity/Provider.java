package io.parley.assistant.entity;

import io.parley.platform.entity.Refusal;
import io.parley.platform.entity.WireNames;


/** The three wire formats Parley speaks; {@code OPENAI} also covers OpenAI-compatible servers (Ollama, vLLM) by base URL. */
public enum Provider {
    OPENAI("https://api.openai.com/v1"),
    GEMINI("https://generativelanguage.googleapis.com/v1beta"),
    ANTHROPIC("https://api.anthropic.com/v1");

    private final String defaultBaseUrl;

    Provider(String defaultBaseUrl) {
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** The provider's public API, for configurations without a base URL of their own. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public String wireName() {
        return WireNames.of(this);
    }

    /** @throws Refusal (invalid) naming the unknown provider */
    public static Provider fromWire(String name) {
        return WireNames.parse(Provider.class, name, "provider");
    }
}
