package io.parley.identity.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per key (an email, a client address) in a fixed window; once a key reaches its limit it is
 * refused until the window that started with its first failure is over. Held in memory per server: a cluster of
 * N nodes behind a round-robin balancer allows up to N times the limit, which still stops guessing at scale.
 * The number of keys is bounded, so a flood of made-up emails cannot exhaust memory (the oldest windows go first).
 */
public final class LoginThrottle {

    static final int MAX_KEYS = 50_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** How long {@code key} must wait before it may try again, if it must. */
    public Optional<Duration> retryAfter(String key) {
        Failures current = failures.get(key);
        Instant now = clock.instant();
        if (current == null || current.expired(now, window)) {
            return Optional.empty();
        }
        return current.count >= limit ? Optional.of(Duration.between(now, current.since.plus(window))) : Optional.empty();
    }

    public void recordFailure(String key) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            failures.values().removeIf(f -> f.expired(now, window));
            if (failures.size() >= MAX_KEYS) {
                failures.entrySet().stream().min((a, b) -> a.getValue().since.compareTo(b.getValue().since))
                        .ifPresent(oldest -> failures.remove(oldest.getKey()));
            }
        }
        failures.compute(key, (k, current) -> current == null || current.expired(now, window)
                ? new Failures(now, 1) : new Failures(current.since, current.count + 1));
    }

    public void forget(String key) {
        failures.remove(key);
    }

    private record Failures(Instant since, int count) {
        boolean expired(Instant now, Duration window) {
            return !now.isBefore(since.plus(window));
        }
    }
}
