package io.parley.platform.boundary;

import io.parley.platform.entity.Refusal;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Turns every exception of a REST call into {@code application/problem+json}. Refusals and client errors keep their
 * message; the database failing is 503 with {@code Retry-After} ({@link Outages}); other server errors are logged with
 * their stack trace and answered without it.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = System.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof Refusal refusal) {
            Response.ResponseBuilder response = problem(status(refusal.kind()), refusal.getMessage());
            refusal.retryAfterSeconds().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
            if (refusal.kind() == Refusal.Kind.UNAUTHENTICATED) {
                response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
            return response.build();
        }
        if (exception instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return problem(web.getResponse().getStatus(), web.getMessage()).build();
        }
        if (Outages.isOutage(exception)) {
            LOG.log(Level.WARNING, "REST call failed for want of the database: {0}", Outages.describe(exception));
            return problem(503, "The service is unavailable for a moment; try again.")
                    .header(HttpHeaders.RETRY_AFTER, Outages.RETRY_AFTER_SECONDS).build();
        }
        LOG.log(Level.ERROR, "REST call failed", exception);
        return problem(500, "The server failed to answer; its log has the details.").build();
    }

    static Response.ResponseBuilder problem(int status, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, detail));
    }

    private static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case TOO_MANY_REQUESTS -> 429;
            case UNAVAILABLE -> 503;
        };
    }
}
