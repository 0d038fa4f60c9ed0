package io.parley.platform.control;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request that came through a trusted proxy, seen as the client sent it: the scheme the client used and the
 * client's address. Everything after the {@code ForwardedHeaders} filter (the other filters, JAX-RS, the WebSocket
 * container) sees this view, so none of them needs to know about proxies.
 */
final class ForwardedRequest extends HttpServletRequestWrapper {

    private final boolean secure;
    private final String clientAddress;

    ForwardedRequest(HttpServletRequest request, boolean secure, String clientAddress) {
        super(request);
        this.secure = secure;
        this.clientAddress = clientAddress;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getScheme() {
        return secure ? "https" : "http";
    }

    /** The port of the Host header, or the default port of the client's scheme (the proxy's, not Payara's). */
    @Override
    public int getServerPort() {
        return WebOrigin.of(this).map(WebOrigin::effectivePort).orElseGet(super::getServerPort);
    }

    /** Rebuilt from the client's scheme, so that absolute URIs made from it (JAX-RS's UriInfo) point where the client went. */
    @Override
    public StringBuffer getRequestURL() {
        return WebOrigin.of(this).map(origin -> new StringBuffer(origin.toString()).append(getRequestURI()))
                .orElseGet(super::getRequestURL);
    }

    @Override
    public String getRemoteAddr() {
        return clientAddress;
    }

    /** The address, not a name: looking client names up in the DNS for every request would be slow and spoofable. */
    @Override
    public String getRemoteHost() {
        return clientAddress;
    }
}
