package io.parley.platform.boundary;

import io.parley.platform.control.AllowedOrigins;
import io.parley.platform.control.HttpPolicy;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * CORS for what pages on other sites may fetch: the REST API and the widget's files (web.xml maps this filter to
 * {@code /api/*} and {@code /widget/*}; WebSockets check their origin in the handshake, see {@link HandshakeOrigins}).
 * Visitor routes follow the widget's list, every other route the console's. A request from an origin that is not
 * allowed is refused with 403 before anything runs, rather than run and only hidden from the page by the browser.
 * <p>
 * A servlet filter rather than a JAX-RS filter: it covers the widget's static files as well, and answers preflights
 * itself before JAX-RS matches a resource, for routes that exist and routes that do not alike.
 */
public class CrossOrigin extends HttpFilter {

    private static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    /** The console's token; a visitor's session and its token (images, the rating), as on the widget's REST calls. */
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Parley-Session, X-Parley-Session-Token";
    /** Ten minutes: browsers cap longer values anyway (Chromium at two hours). */
    private static final String PREFLIGHT_MAX_AGE = "600";

    @Inject
    HttpPolicy policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String requestedMethod = request.getHeader("Access-Control-Request-Method");
        boolean preflight = request.getMethod().equals("OPTIONS") && requestedMethod != null;
        AllowedOrigins allowed = visitorRoute(preflight ? requestedMethod : request.getMethod(), RequestPath.of(request))
                ? policy.widgetOrigins() : policy.consoleOrigins();
        if (!allowed.any()) {
            // the answer depends on the Origin header, also when a request has none: caches must keep them apart
            response.addHeader("Vary", "Origin");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            // not a cross-origin call from a browser; other clients can claim any origin, so there is nothing to check
            chain.doFilter(request, response);
            return;
        }
        if (!allowed.allows(origin, request)) {
            Problem.of(403, "Pages of " + origin + " may not call this.").send(response);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", allowed.any() ? "*" : origin);
        if (allowed.credentials()) {
            response.setHeader("Access-Control-Allow-Credentials", "true");
        }
        if (preflight) {
            response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", PREFLIGHT_MAX_AGE);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The routes the widget calls from the sites that embed it. A public REST endpoint for visitors joins this list;
     * {@code GET /api/tickets} stays the console's, only the offline form's {@code POST} is the visitors'.
     */
    private static boolean visitorRoute(String method, String path) {
        return path.startsWith("/widget/") || path.equals("/api/widget/config") || path.startsWith("/api/widget/logos/")
                || path.equals("/api/chat/rating")
                || (method.equals("POST") && path.equals("/api/tickets")) || path.startsWith(HttpPolicy.ATTACHMENTS_PATH);
    }
}
