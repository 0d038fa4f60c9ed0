package io.parley.platform.boundary;

import io.parley.platform.entity.Json;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/** An RFC 9457 problem detail, the body of every error Parley answers over HTTP. */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String detail) {
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType == null ? "HTTP " + status : statusType.getReasonPhrase();
        return new Problem("about:blank", title, status, detail);
    }

    /** Answers with this problem where JAX-RS and its {@link ProblemMapper} do not reach: servlet filters, the error page. */
    public void send(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        Json.mapper().writeValue(response.getOutputStream(), this);
    }
}
