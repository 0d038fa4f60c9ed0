package io.parley.platform.boundary;

import io.parley.platform.control.WebOrigin;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers every answer carries, set before anything else writes so that errors and redirects carry them too.
 * Nothing of Parley is meant to be framed (the widget draws into the host page itself), so framing is refused
 * everywhere; the console gets a Content-Security-Policy that lets it load only its own files and open WebSockets
 * only to its own host.
 */
public class SecurityHeaders extends HttpFilter {

    private static final String HSTS = "max-age=31536000";
    private static final String NO_FRAMING = "frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", RequestPath.of(request).startsWith("/admin/")
                ? consolePolicy(request) : NO_FRAMING);
        if (request.isSecure()) {
            // only over TLS: browsers ignore it on plain HTTP, and a man in the middle could strip or forge it there
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }

    /**
     * {@code 'self'} in connect-src does not cover WebSockets in every browser (CSP 2 leaves ws: and wss: out), so
     * the console's own host is named with the WebSocket scheme that matches the page's.
     */
    private static String consolePolicy(HttpServletRequest request) {
        String sockets = WebOrigin.of(request)
                .map(origin -> " " + origin.withScheme(request.isSecure() ? "wss" : "ws"))
                .orElse("");
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "connect-src 'self'" + sockets + "; " + NO_FRAMING + "; base-uri 'none'; form-action 'self'";
    }
}
