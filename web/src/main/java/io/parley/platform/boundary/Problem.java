package io.parley.platform.boundary;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail, the body of every error Parley answers over HTTP. */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String detail) {
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType == null ? "HTTP " + status : statusType.getReasonPhrase();
        return new Problem("about:blank", title, status, detail);
    }
}
