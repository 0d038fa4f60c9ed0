package io.parley.assistant.control;

import io.parley.assistant.entity.Outcome;

/** Down, overloaded, unreachable or too slow before anything reached the visitor: safe to try again. */
public class ProviderUnavailable extends ProviderFailure {

    public ProviderUnavailable(String message) {
        super(Outcome.UNAVAILABLE, message);
    }
}
