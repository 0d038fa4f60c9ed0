package io.parley.platform.entity;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A request a business component refuses, and why: a {@link Kind} that any boundary can answer with (REST maps each to
 * its HTTP status) and a stable, machine-readable {@code code} for clients (the sockets' {@code error {code}}, for
 * example {@code session_closed}, {@code text_too_long}). Thrown before anything is changed, and rolls back if something
 * was. The one way a component says no.
 * <p>
 * A refusal is an answer, not a failure: it carries no stack trace. Nothing logs one, and filling one in (a hundred
 * frames deep under Tyrus, Weld and the EJB container) costs more than the refusal itself when a script sends thousands.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

    public enum Kind {
        INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, UNSUPPORTED_MEDIA_TYPE, TOO_MANY_REQUESTS, UNAVAILABLE;

        /** The code of a refusal that names none of its own: the kind in the wire's spelling. */
        String code() {
            return WireNames.of(this);
        }
    }

    private final Kind kind;
    private final String code;
    private final Duration retryAfter;

    public Refusal(Kind kind, String message) {
        this(kind, kind.code(), message, null);
    }

    public Refusal(Kind kind, String code, String message) {
        this(kind, code, message, null);
    }

    private Refusal(Kind kind, String code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public static Refusal tooManyRequests(String message, Duration retryAfter) {
        return new Refusal(Kind.TOO_MANY_REQUESTS, "rate_limited", message, retryAfter);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The wait in whole seconds, rounded up (never 0: "try again in 0 s" would be tried again at once). */
    public OptionalLong retryAfterSeconds() {
        return retryAfter == null ? OptionalLong.empty() : OptionalLong.of(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }
}
