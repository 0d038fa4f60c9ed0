package io.parley.platform.entity;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Optional;

/**
 * A request a business component refuses, and why, in terms any boundary can answer with (REST maps each
 * {@link Kind} to its HTTP status). Thrown before anything is changed, and rolls back if something was.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

    public enum Kind { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_MANY_REQUESTS, UNAVAILABLE }

    private final Kind kind;
    private final Duration retryAfter;

    public Refusal(Kind kind, String message) {
        this(kind, message, null);
    }

    private Refusal(Kind kind, String message, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public static Refusal tooManyRequests(String message, Duration retryAfter) {
        return new Refusal(Kind.TOO_MANY_REQUESTS, message, retryAfter);
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
