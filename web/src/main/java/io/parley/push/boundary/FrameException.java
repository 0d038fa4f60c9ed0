package io.parley.push.boundary;

/** A client frame that cannot be handled, with the error code the client gets back. */
public class FrameException extends RuntimeException {

    private final String code;
    private final String ref;

    public FrameException(String code, String message, String ref) {
        super(message);
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
