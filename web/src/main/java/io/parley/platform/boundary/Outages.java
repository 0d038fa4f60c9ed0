package io.parley.platform.boundary;

import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;
import java.sql.SQLException;

/**
 * Tells a failure that is not the client's fault and passes by itself — the database unreachable, a connection lost, a
 * deadlock chosen as victim — from a fault of the server's own. The first is answered with "unavailable, try again in
 * {@value #RETRY_AFTER_SECONDS} s" ({@code error {code: "unavailable", retryAfterSeconds}} on sockets, 503 with
 * {@code Retry-After} over HTTP), so that clients send again by themselves; the second stays an internal error.
 */
public final class Outages {

    public static final int RETRY_AFTER_SECONDS = 2;

    private Outages() {
    }

    /** Whether anything in the chain of causes is the database or the transaction manager failing. */
    public static boolean isOutage(Throwable failure) {
        return outage(failure) != null;
    }

    /** What the log says of an outage: the failure the database or the transaction manager reported, not its wrappers. */
    public static String describe(Throwable failure) {
        Throwable outage = outage(failure);
        return String.valueOf(outage == null ? failure : outage);
    }

    private static Throwable outage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof ResourceException || cause instanceof SystemException) {
                return cause;
            }
        }
        return null;
    }
}
