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
}
