package io.parley.push.boundary;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.parley.platform.entity.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads client frames: checks size and envelope, then binds and validates a frame's data.
 * Every problem becomes a {@link FrameException} carrying the code of docs/protocol.md.
 */
@ApplicationScoped
public class FrameReader {

    /** Frames above this size are not read at all: the WebSocket is closed with 1009 (too big). */
    public static final int HARD_LIMIT_BYTES = 1 << 20;
    static final int MAX_REF_LENGTH = 64;

    private final ObjectMapper mapper = Json.mapper();

    @Inject
    Validator validator;

    @Inject
    @ConfigProperty(name = "parley.chat.max-frame-bytes")
    int maxFrameBytes;

    public ClientFrame read(String raw) {
        if (tooLarge(raw)) {
            throw new FrameException("frame_too_large", "A frame can have at most " + maxFrameBytes + " bytes", null);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(raw);
        } catch (JacksonException e) {
            throw new FrameException("bad_json", "The frame is not JSON", null);
        }
        if (tree == null || !tree.isObject()) {
            throw new FrameException("invalid_frame", "A frame is a JSON object", null);
        }
        JsonNode ref = tree.get("ref");
        if (ref != null && !ref.isNull() && (!ref.isTextual() || ref.textValue().length() > MAX_REF_LENGTH)) {
            throw new FrameException("invalid_frame", "ref must be a string of at most " + MAX_REF_LENGTH + " characters", null);
        }
        String refText = ref == null || ref.isNull() ? null : ref.textValue();
        JsonNode type = tree.get("type");
        if (type == null || !type.isTextual()) {
            throw new FrameException("invalid_frame", "type must be a string", refText);
        }
        JsonNode data = tree.get("data");
        if (data == null || data.isNull()) {
            data = JsonNodeFactory.instance.objectNode();
        } else if (!data.isObject()) {
            throw new FrameException("invalid_frame", "data must be an object", refText);
        }
        return new ClientFrame(type.textValue(), data, refText);
    }

    /** Binds the frame's data to {@code type} and checks its constraints. */
    public <T> T data(ClientFrame frame, Class<T> type) {
        T value;
        try {
            value = mapper.treeToValue(frame.data(), type);
        } catch (JacksonException e) {
            String field = e instanceof JsonMappingException mapping
                    ? mapping.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                            .filter(Objects::nonNull).collect(Collectors.joining("."))
                    : "";
            throw new FrameException("invalid_frame", "data." + field + " has the wrong kind of value", frame.ref());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            String detail = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> "data." + v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; "));
            throw new FrameException("invalid_frame", detail, frame.ref());
        }
        return value;
    }

    private boolean tooLarge(String raw) {
        // a char is at most 3 UTF-8 bytes, so only long frames need counting
        return raw.length() * 3L > maxFrameBytes && raw.getBytes(StandardCharsets.UTF_8).length > maxFrameBytes;
    }
}
