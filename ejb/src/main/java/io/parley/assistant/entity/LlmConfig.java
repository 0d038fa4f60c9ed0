package io.parley.assistant.entity;

import io.parley.platform.entity.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One provider configuration of the fleet. The API key is held sealed (see the secrets component); only the fleet's
 * boundary opens it. Configurations are tried in the order of their priority (then age); the first enabled one is the
 * primary.
 */
@Entity
@Table(name = "llm_configs")
@NamedQuery(name = LlmConfig.ALL, query = "SELECT c FROM LlmConfig c ORDER BY c.priority, c.createdAt, c.id")
@NamedQuery(name = LlmConfig.COUNT, query = "SELECT COUNT(c) FROM LlmConfig c")
public class LlmConfig {

    public static final String ALL = "LlmConfig.all";
    public static final String COUNT = "LlmConfig.count";
    static final int MAX_ERROR_LENGTH = 500;

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    private Provider provider;

    private String model;

    @Column(name = "base_url")
    private String baseUrl;

    @Column(name = "api_key_sealed")
    private String apiKeySealed;

    private int priority;

    @Column(name = "timeout_ms")
    private int timeoutMs;

    private boolean enabled;

    @Column(name = "health_status")
    private String healthStatus;

    @Column(name = "health_checked_at")
    private LocalDateTime healthCheckedAt;

    @Column(name = "health_latency_ms")
    private Integer healthLatencyMs;

    @Column(name = "health_error")
    private String healthError;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    protected LlmConfig() {
    }

    public LlmConfig(Settings settings, String apiKeySealed) {
        this.id = UUID.randomUUID().toString();
        this.healthStatus = "unknown";
        this.createdAt = UtcClock.now();
        change(settings);
        this.apiKeySealed = apiKeySealed;
    }

    /**
     * Everything but the key, which changes only when a new one is given ({@link #replaceKey}); the priority only when
     * the settings name one.
     */
    public void change(Settings settings) {
        this.provider = settings.provider();
        this.model = settings.model();
        this.baseUrl = settings.baseUrl();
        if (settings.priority() != null) {
            this.priority = settings.priority();
        }
        this.timeoutMs = settings.timeoutMs();
        this.enabled = settings.enabled();
        this.updatedAt = UtcClock.now();
    }

    /** Whether {@code settings} would send the stored key to another provider or another address. */
    public boolean leadsElsewhere(Settings settings) {
        return settings.provider() != provider || !Objects.equals(settings.baseUrl(), baseUrl);
    }

    public void replaceKey(String sealed) {
        this.apiKeySealed = sealed;
        this.updatedAt = UtcClock.now();
    }

    /** Its place in the order the fleet is tried in (0 first). */
    public void placeAt(int priority) {
        this.priority = priority;
        this.updatedAt = UtcClock.now();
    }

    /** The outcome of the last call or check: {@code healthy}, {@code rate_limited} or {@code unhealthy} with the error. */
    public void checked(Outcome outcome, long latencyMs, String error) {
        this.healthStatus = switch (outcome) {
            case OK -> "healthy";
            case RATE_LIMITED -> "rate_limited";
            default -> "unhealthy";
        };
        this.healthCheckedAt = UtcClock.now();
        this.healthLatencyMs = (int) Math.min(Integer.MAX_VALUE, latencyMs);
        this.healthError = error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR_LENGTH));
    }

    /** Where its provider is reached: the configured base URL, or the provider's own. */
    public String endpoint() {
        return baseUrl == null || baseUrl.isBlank() ? provider.defaultBaseUrl() : baseUrl;
    }

    public String id() {
        return id;
    }

    public Provider provider() {
        return provider;
    }

    public String model() {
        return model;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String apiKeySealed() {
        return apiKeySealed;
    }

    public int priority() {
        return priority;
    }

    public int timeoutMs() {
        return timeoutMs;
    }

    public boolean enabled() {
        return enabled;
    }

    public String healthStatus() {
        return healthStatus;
    }

    public LocalDateTime healthCheckedAt() {
        return healthCheckedAt;
    }

    public Integer healthLatencyMs() {
        return healthLatencyMs;
    }

    public String healthError() {
        return healthError;
    }

    /** What an admin sets, apart from the key; {@code priority} null: at the end for a new configuration, unchanged otherwise. */
    public record Settings(Provider provider, String model, String baseUrl, Integer priority, int timeoutMs, boolean enabled) {

        public Settings at(int place) {
            return new Settings(provider, model, baseUrl, place, timeoutMs, enabled);
        }
    }
}
