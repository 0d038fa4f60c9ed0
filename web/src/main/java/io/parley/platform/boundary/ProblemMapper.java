package io.parley.platform.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Turns every exception of a REST call into {@code application/problem+json}. Client errors keep their message;
 * server errors are logged with their stack trace and answered without it.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = System.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        Problem problem;
        if (exception instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            problem = Problem.of(web.getResponse().getStatus(), web.getMessage());
        } else {
            LOG.log(Level.ERROR, "REST call failed", exception);
            problem = Problem.of(500, "The server failed to answer; its log has the details.");
        }
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
