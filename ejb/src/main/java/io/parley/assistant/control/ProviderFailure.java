package io.parley.assistant.control;

import io.parley.assistant.entity.Outcome;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider did not answer. The message says what went wrong in words fit for an admin (the health status and the
 * accuracy log) and never holds the API key or the provider's whole answer. Only {@link ProviderUnavailable} is
 * worth trying again at once.
 */
public class ProviderFailure extends RuntimeException {

    private final Outcome outcome;
    private final transient Duration retryAfter;

    public ProviderFailure(Outcome outcome, String message) {
        this(outcome, message, null);
    }

    public ProviderFailure(Outcome outcome, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.outcome = outcome;
        this.retryAfter = retryAfter;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** How long the provider asked us to stay away (a 429's Retry-After). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
