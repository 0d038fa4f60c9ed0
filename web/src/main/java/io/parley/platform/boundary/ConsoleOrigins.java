package io.parley.platform.boundary;

import io.parley.platform.control.AllowedOrigins;
import io.parley.platform.control.HttpPolicy;

/**
 * The configurator of the console's WebSockets: the handshake must come from Parley's own origin (the console at
 * {@code /admin/}) or an origin in {@code CORS_ALLOWED_ORIGINS}, else it is refused with 403.
 * <pre>{@code @ServerEndpoint(value = "/ws/agent", configurator = ConsoleOrigins.class)}</pre>
 * The check keeps other web sites' pages from opening a socket; who the caller is, is still the endpoint's business
 * (the agent's token in the first frame).
 */
public class ConsoleOrigins extends HandshakeOrigins {

    @Override
    protected AllowedOrigins allowedOrigins(HttpPolicy policy) {
        return policy.consoleOrigins();
    }
}
