package io.parley.conversations.entity;

import jakarta.ejb.ApplicationException;

/**
 * A request a conversation refuses, with a stable machine-readable code for the client
 * (for example {@code text_too_long}, {@code session_refused}). Nothing is stored when it is thrown.
 */
@ApplicationException(rollback = true)
public class ConversationException extends RuntimeException {

    private final String code;

    public ConversationException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
