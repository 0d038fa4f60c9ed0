package io.parley.platform.boundary;

import io.parley.platform.control.HttpPolicy;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * A request body larger than {@code parley.http.max-body-bytes} (an image a visitor sends: {@code
 * parley.chat.max-attachment-bytes}; a workbook an admin imports: {@code parley.autoreply.max-import-bytes}) is
 * answered with 413 before anything else sees it, whatever the route, so an oversized request never runs. A declared Content-Length is checked without reading; a
 * body of unknown length (chunked) is read up to the limit first and handed on from memory, because once the
 * application had begun to read it, the request could no longer be refused cleanly.
 */
public class BodyLimit extends HttpFilter {

    /** They carry no body Parley reads, and a WebSocket upgrade is a GET whose stream must stay untouched. */
    private static final Set<String> BODILESS_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    HttpPolicy policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RequestPath.of(request);
        int limit = policy.maxBodyBytes(path);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response, policy.bodyName(path), limit);
        } else if (declared >= 0 || BODILESS_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
        } else {
            byte[] body = request.getInputStream().readNBytes(limit + 1);
            if (body.length > limit) {
                refuse(response, policy.bodyName(path), limit);
            } else {
                chain.doFilter(new BufferedBodyRequest(request, body), response);
            }
        }
    }

    private static void refuse(HttpServletResponse response, String what, int limit) throws IOException {
        // the rest of the body is never read, so the connection must not carry another request
        response.setHeader("Connection", "close");
        Problem.of(413, what + " can have at most " + limit + " bytes.").send(response);
    }
}
