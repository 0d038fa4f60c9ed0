package io.parley.assistant.control;

import io.parley.assistant.entity.Provider;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * One configuration of the fleet opened for a call: where to send it, with which model and key, how long to wait for
 * the provider to answer at most, and until when the first token must have come (the failover budget).
 * Its text form leaves the key out, so that it can be logged.
 */
public record Target(String configId, Provider provider, String model, URI baseUrl, String apiKey, Duration timeout, Instant deadline) {

    /** How long one read may wait now: the configuration's timeout, cut to what is left of the budget. */
    public Duration readTimeout() {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.compareTo(timeout) < 0 ? left : timeout;
    }

    public boolean hasKey() {
        return apiKey != null && !apiKey.isEmpty();
    }

    @Override
    public String toString() {
        return provider.wireName() + " " + model + " at " + baseUrl + " (configuration " + configId + ")";
    }
}
