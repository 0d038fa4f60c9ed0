package io.parley.platform.boundary;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/**
 * A body or parameter that breaks its constraints is a 400 problem naming each field. A mapper of its own because
 * the JAX-RS runtime's mapper for validation errors is more specific than {@link ProblemMapper} and would win.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        String detail = exception.getConstraintViolations().stream()
                .map(ValidationProblemMapper::describe).sorted().collect(Collectors.joining("; "));
        return ProblemMapper.problem(400, detail.isEmpty() ? "The request is not valid" : detail).build();
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String field = path.substring(path.lastIndexOf('.') + 1);
        return (field.matches("arg\\d+") ? "the body" : field) + " " + violation.getMessage();
    }
}
