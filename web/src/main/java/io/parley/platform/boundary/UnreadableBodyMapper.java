package io.parley.platform.boundary;

import com.fasterxml.jackson.core.JsonParseException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that is not JSON is a 400 problem. A mapper of its own (and a priority) because Payara's Jackson support
 * brings a mapper for exactly this exception that answers in plain text.
 */
@Provider
@Priority(1)
public class UnreadableBodyMapper implements ExceptionMapper<JsonParseException> {

    @Override
    public Response toResponse(JsonParseException exception) {
        return ProblemMapper.problem(400, "The body is not JSON: " + exception.getOriginalMessage()).build();
    }
}
