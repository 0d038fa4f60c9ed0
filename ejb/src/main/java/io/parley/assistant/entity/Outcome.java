package io.parley.assistant.entity;

import io.parley.platform.entity.WireNames;

/** How one call to a provider ended. */
public enum Outcome {
    OK,
    /** The provider refused the request: a wrong key, an unknown model, a request it cannot take. */
    REFUSED,
    /** Too many requests (429); the provider is left alone for as long as its Retry-After asks. */
    RATE_LIMITED,
    /** Down, overloaded, unreachable or too slow: another try may work. */
    UNAVAILABLE,
    /** The answer stopped midway, after the visitor saw part of it: never tried again. */
    BROKEN_STREAM,
    /** The provider answered something that is not its format. */
    MALFORMED,
    /** The provider's circuit breaker is open after repeated failures: not called. */
    CIRCUIT_OPEN,
    /** The call took longer than the ceiling on a whole answer. */
    TIMEOUT;

    public String wireName() {
        return WireNames.of(this);
    }
}
