package io.parley.platform.control;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A web origin, {@code scheme://host[:port]}, in the form browsers send in the {@code Origin} header: scheme and host
 * in lower case, no port when it is the scheme's default. Two origins are the same origin exactly when they are equal.
 */
public record WebOrigin(String scheme, String host, int port) {

    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443, "ws", 80, "wss", 443);
    private static final int NO_PORT = -1;

    public WebOrigin {
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
        if (port == DEFAULT_PORTS.getOrDefault(scheme, NO_PORT)) {
            port = NO_PORT;
        }
    }

    /**
     * Parses an http or https origin; a trailing {@code /} is tolerated because people copy origins from the address
     * bar. Anything else is empty: a path, a query, credentials, another scheme, the opaque origin {@code null}.
     */
    public static Optional<WebOrigin> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String path = uri.getRawPath();
            boolean originOnly = uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && (path == null || path.isEmpty() || path.equals("/"));
            if (!originOnly || !(scheme.equals("http") || scheme.equals("https"))) {
                return Optional.empty();
            }
            return Optional.of(new WebOrigin(scheme, uri.getHost(), uri.getPort()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * The origin a request was addressed to: its scheme (through a trusted proxy, the one the client used) and its
     * {@code Host} header; empty when the request names no valid host.
     */
    public static Optional<WebOrigin> of(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return host == null ? Optional.empty() : parse(request.getScheme() + "://" + host);
    }

    /** The port, also when it is the scheme's default and therefore not written. */
    public int effectivePort() {
        return port == NO_PORT ? DEFAULT_PORTS.get(scheme) : port;
    }

    /** The same host and port under another scheme, such as the {@code wss:} of an {@code https:} page. */
    public WebOrigin withScheme(String other) {
        return new WebOrigin(other, host, effectivePort());
    }

    @Override
    public String toString() {
        return scheme + "://" + host + (port == NO_PORT ? "" : ":" + port);
    }
}
