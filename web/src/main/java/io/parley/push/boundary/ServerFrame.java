package io.parley.push.boundary;

import io.parley.platform.entity.Refusal;
import java.util.Map;
import java.util.OptionalLong;

/** A frame the server sends: an event, the ack of a client frame, or an error. */
public record ServerFrame(String type, Object data, String ref) {

    public static ServerFrame event(String type, Object data) {
        return new ServerFrame(type, data, null);
    }

    public static ServerFrame ack(String ref, Object data) {
        return new ServerFrame("ack", data, ref);
    }

    public static ServerFrame error(String ref, String code, String message) {
        return new ServerFrame("error", Map.of("code", code, "message", message), ref);
    }

    /** A refusal, with the seconds to wait when it says (a limit: {@code rate_limited}). */
    public static ServerFrame refused(String ref, Refusal refusal) {
        OptionalLong wait = refusal.retryAfterSeconds();
        return new ServerFrame("error", wait.isPresent()
                ? Map.of("code", refusal.code(), "message", refusal.getMessage(), "retryAfterSeconds", wait.getAsLong())
                : Map.of("code", refusal.code(), "message", refusal.getMessage()), ref);
    }

    /** The server cannot do it now, through no fault of the client's: send the same frame again in a moment. */
    public static ServerFrame unavailable(String ref, int retryAfterSeconds) {
        return new ServerFrame("error", Map.of("code", "unavailable", "message", "The service is unavailable for a moment; "
                + "send it again", "retryAfterSeconds", retryAfterSeconds), ref);
    }
}
