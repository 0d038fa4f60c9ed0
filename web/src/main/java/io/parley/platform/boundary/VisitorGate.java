package io.parley.platform.boundary;

import io.parley.platform.control.HttpPolicy;
import io.parley.platform.entity.Refusal;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Optional;

/**
 * The HTTP side of what {@link io.parley.chat.boundary.VisitorChannel} does on the socket, for the endpoints marked {@link ForVisitors}: each
 * answer 4xx counts against the client's address ({@link VisitorLimits#strike}), and while the address is shut out
 * its requests get 429 with {@code Retry-After} before anything reads them — a 1 MiB image a script sends again and
 * again is not read, nor is its session looked up. A 429 closes the connection: the body it came with is never read.
 * The shut-out's own refusals do not count (as a refused handshake does not): what costs nothing to refuse need not
 * keep the address out for longer.
 */
@ForVisitors
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class VisitorGate implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String SHUT_OUT = "parley.visitor.shut-out";

    @Inject
    VisitorLimits limits;

    @Inject
    HttpPolicy policy;

    @Context
    HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<Duration> wait = limits.shutOut(policy.clientAddress(http));
        if (wait.isPresent()) {
            request.setProperty(SHUT_OUT, Boolean.TRUE);
            throw Refusal.tooManyRequests("Too much from your address was refused; wait before trying again", wait.get());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatusInfo().getFamily() == Response.Status.Family.CLIENT_ERROR && request.getProperty(SHUT_OUT) == null) {
            limits.strike(policy.clientAddress(http));
        }
        if (response.getStatus() == Response.Status.TOO_MANY_REQUESTS.getStatusCode()) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }
}
