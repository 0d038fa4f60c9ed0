package io.parley.platform.boundary;

import io.parley.platform.control.AllowedOrigins;
import io.parley.platform.control.HttpPolicy;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The {@code Origin} check of a WebSocket handshake, with the same lists as CORS ({@link HttpPolicy}); a refused
 * origin gets 403 and no socket. Browsers send their page's origin with every handshake and cross-site WebSockets
 * are not limited by the same-origin policy, so without this check any web site could open a socket in a visitor's
 * or an agent's name. Use {@link ConsoleOrigins} or {@link VisitorOrigins} as an endpoint's configurator.
 * <p>
 * {@link #checkOrigin} receives only the header, yet Parley's own origin depends on the request's Host and scheme:
 * Payara's WebSocket container checks the origin on the request's own thread, inside the servlet filter chain, so the
 * handshake request is CDI's current {@link HttpServletRequest}.
 */
public abstract class HandshakeOrigins extends ServerEndpointConfig.Configurator {

    @Override
    public boolean checkOrigin(String origin) {
        if (origin == null) {
            // not a browser: the check protects browsers' users, and other clients can claim any origin anyway
            return true;
        }
        CDI<Object> cdi = CDI.current();
        HttpPolicy policy = cdi.select(HttpPolicy.class).get();
        HttpServletRequest handshake = policy.trustedProxies().view(cdi.select(HttpServletRequest.class).get());
        return allowedOrigins(policy).allows(origin, handshake);
    }

    /** The list this endpoint's callers are checked against. */
    protected abstract AllowedOrigins allowedOrigins(HttpPolicy policy);
}
