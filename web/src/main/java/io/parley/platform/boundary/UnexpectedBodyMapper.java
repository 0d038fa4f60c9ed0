package io.parley.platform.boundary;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON of the wrong shape for this endpoint is a 400 problem; a type Jackson cannot handle at all is the server's
 * fault and goes to {@link ProblemMapper} as a 500. Its own mapper for the same reason as {@link UnreadableBodyMapper}.
 */
@Provider
@Priority(1)
public class UnexpectedBodyMapper implements ExceptionMapper<JsonMappingException> {

    @Override
    public Response toResponse(JsonMappingException exception) {
        if (exception instanceof InvalidDefinitionException) {
            return new ProblemMapper().toResponse(exception);
        }
        return ProblemMapper.problem(400, "The body is not the JSON expected here: " + exception.getOriginalMessage()).build();
    }
}
