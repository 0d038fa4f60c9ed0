package io.parley.push.boundary;

/**
 * A client frame that cannot be handled, with the error code the client gets back. An answer, not a failure: no stack
 * trace (see {@link io.parley.platform.entity.Refusal}).
 */
public class FrameException extends RuntimeException {

    private final String code;
    private final String ref;

    public FrameException(String code, String message, String ref) {
        super(message, null, false, false);
        this.code = code;
        this.ref = ref;
    }

    public String code() {
        return code;
    }

    public String ref() {
        return ref;
    }
}
