package io.parley.secrets.entity;

import jakarta.ejb.ApplicationException;

/**
 * Sealed data cannot be opened, or there is no usable master key. The message says what is wrong and
 * what to do about it; it never contains key material.
 */
@ApplicationException(rollback = true)
public class SecretsException extends RuntimeException {

    public SecretsException(String message) {
        super(message);
    }

    public SecretsException(String message, Throwable cause) {
        super(message, cause);
    }
}
