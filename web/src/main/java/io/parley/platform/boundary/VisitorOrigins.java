package io.parley.platform.boundary;

import io.parley.platform.control.AllowedOrigins;
import io.parley.platform.control.HttpPolicy;
import jakarta.enterprise.inject.spi.CDI;

/**
 * The configurator of the visitors' WebSockets: the handshake must come from a site in {@code WIDGET_ALLOWED_ORIGINS}
 * (every site by default) or from Parley's own pages, else it is refused with 403; so is an address shut out for going on
 * over the abuse limits.
 * <pre>{@code @ServerEndpoint(value = "/ws/chat", configurator = VisitorOrigins.class)}</pre>
 */
public class VisitorOrigins extends HandshakeOrigins {

    @Override
    protected AllowedOrigins allowedOrigins(HttpPolicy policy) {
        return policy.widgetOrigins();
    }

    /** Not an address shut out for going on after it was refused, until it has waited ({@link VisitorLimits#shutOut}). */
    @Override
    protected boolean admits(String address) {
        return CDI.current().select(VisitorLimits.class).get().shutOut(address).isEmpty();
    }
}
