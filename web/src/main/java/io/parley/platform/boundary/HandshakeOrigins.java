package io.parley.platform.boundary;

import io.parley.platform.control.AllowedOrigins;
import io.parley.platform.control.HttpPolicy;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The {@code Origin} check of a WebSocket handshake, with the same lists as CORS ({@link HttpPolicy}); a refused
 * origin gets 403 and no socket. Browsers send their page's origin with every handshake and cross-site WebSockets
 * are not limited by the same-origin policy, so without this check any web site could open a socket in a visitor's
 * or an agent's name. Use {@link ConsoleOrigins} or {@link VisitorOrigins} as an endpoint's configurator.
 * <p>
 * {@link #checkOrigin} receives only the header, yet Parley's own origin depends on the request's Host and scheme:
 * Payara's WebSocket container checks the origin on the request's own thread, inside the servlet filter chain, so the
 * handshake request is CDI's current {@link HttpServletRequest}. The same holds in {@link #modifyHandshake}, where the
 * client's address (through trusted proxies) is kept with the socket for the limits on what one address may do.
 */
public abstract class HandshakeOrigins extends ServerEndpointConfig.Configurator {

    private static final String CLIENT_ADDRESS = "parley.client.address";

    @Override
    public boolean checkOrigin(String origin) {
        CDI<Object> cdi = CDI.current();
        HttpPolicy policy = cdi.select(HttpPolicy.class).get();
        HttpServletRequest handshake = policy.trustedProxies().view(cdi.select(HttpServletRequest.class).get());
        if (!admits(handshake.getRemoteAddr())) {
            return false;
        }
        // without an Origin, not a browser: the check protects browsers' users, and other clients can claim any origin anyway
        return origin == null || allowedOrigins(policy).allows(origin, handshake);
    }

    /** Whether a client at {@code address} may open a socket at all (refused like a foreign origin, with 403). */
    protected boolean admits(String address) {
        return true;
    }

    /**
     * Keeps the client's address with the socket ({@link #clientAddress}): since WebSocket 2.1 the configuration's user
     * properties are a copy per connection, handed to its {@link Session}.
     */
    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        CDI<Object> cdi = CDI.current();
        config.getUserProperties().put(CLIENT_ADDRESS, cdi.select(HttpPolicy.class).get().clientAddress(cdi.select(HttpServletRequest.class).get()));
    }

    /** The address the socket's client connected from, as the proxies Parley trusts report it. */
    public static String clientAddress(Session socket) {
        return (String) socket.getUserProperties().get(CLIENT_ADDRESS);
    }

    /** The list this endpoint's callers are checked against. */
    protected abstract AllowedOrigins allowedOrigins(HttpPolicy policy);
}
