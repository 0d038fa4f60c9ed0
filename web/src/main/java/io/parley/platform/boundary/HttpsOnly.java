package io.parley.platform.boundary;

import io.parley.platform.control.HttpPolicy;
import io.parley.platform.control.WebOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * With {@code force.tls}, nothing travels in clear: a plain-HTTP GET or HEAD is redirected to https (308, so the method
 * is kept), everything else is refused with 403 before it runs. A WebSocket upgrade over plain {@code ws://} is refused
 * too, since browsers follow no redirect there; this filter sees upgrades because Payara's WebSocket container (Tyrus)
 * takes them over in a servlet filter of its own that runs after the application's.
 * <p>
 * {@code /health} and {@code /metrics} stay on plain HTTP: orchestrators and scrapers call them inside the network,
 * without TLS and without following redirects, and they carry no credentials.
 */
public class HttpsOnly extends HttpFilter {

    private static final Set<String> REDIRECTED_METHODS = Set.of("GET", "HEAD");
    private static final Set<String> OPERATIONS_PATHS = Set.of("/health", "/metrics");

    @Inject
    HttpPolicy policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!policy.forceTls() || request.isSecure() || operations(RequestPath.of(request))) {
            chain.doFilter(request, response);
            return;
        }
        Optional<WebOrigin> origin = WebOrigin.of(request);
        boolean webSocket = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
        if (origin.isEmpty() || webSocket || !REDIRECTED_METHODS.contains(request.getMethod())) {
            Problem.of(403, "This server takes requests over HTTPS only (https:// and wss://).").send(response);
            return;
        }
        // the standard port: behind a TLS-terminating proxy the port Parley listens on is not the one clients use
        String query = request.getQueryString();
        response.setStatus(308);
        response.setHeader("Location", new WebOrigin("https", origin.get().host(), 443) + request.getRequestURI()
                + (query == null ? "" : "?" + query));
    }

    private static boolean operations(String path) {
        return OPERATIONS_PATHS.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
