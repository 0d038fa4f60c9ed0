package io.parley.assistant.control;

import io.parley.assistant.entity.Provider;
import java.util.function.Consumer;

/**
 * One provider's wire format. {@link #complete} streams when given somewhere to send the deltas, and asks for the
 * whole answer at once otherwise; either way it returns the whole answer. Implementations carry the provider's
 * fault tolerance (timeout, circuit breaker, a retry only while nothing has reached the visitor).
 */
public interface LlmClient {

    Provider provider();

    /** @throws ProviderFailure when the provider does not answer; {@code deltas} may have had part of it by then */
    Completion complete(Target target, Prompt prompt, Consumer<String> deltas);
}
