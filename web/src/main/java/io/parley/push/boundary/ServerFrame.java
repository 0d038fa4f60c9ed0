package io.parley.push.boundary;

import java.util.Map;

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

    /** The server cannot do it now, through no fault of the client's: send the same frame again in a moment. */
    public static ServerFrame unavailable(String ref, int retryAfterSeconds) {
        return new ServerFrame("error", Map.of("code", "unavailable", "message", "The service is unavailable for a moment; "
                + "send it again", "retryAfterSeconds", retryAfterSeconds), ref);
    }
}
