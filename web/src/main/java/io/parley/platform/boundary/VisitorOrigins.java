package io.parley.platform.boundary;

import io.parley.platform.control.AllowedOrigins;
import io.parley.platform.control.HttpPolicy;

/**
 * The configurator of the visitors' WebSockets: the handshake must come from a site in {@code WIDGET_ALLOWED_ORIGINS}
 * (every site by default) or from Parley's own pages, else it is refused with 403.
 * <pre>{@code @ServerEndpoint(value = "/ws/chat", configurator = VisitorOrigins.class)}</pre>
 */
public class VisitorOrigins extends HandshakeOrigins {

    @Override
    protected AllowedOrigins allowedOrigins(HttpPolicy policy) {
        return policy.widgetOrigins();
    }
}
