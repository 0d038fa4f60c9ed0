package io.parley.assistant.control;

import java.util.List;
import java.util.Optional;

/**
 * What the fleet made of one question: the completion and the configuration that gave it (none when every provider
 * failed), every call on the way, the whole time and the time until the visitor saw the first words.
 */
public record Generated(Optional<Completion> completion, Optional<Target> answeredBy, List<Attempt> attempts, long latencyMs, Long firstTokenMs) {

    public Generated {
        attempts = List.copyOf(attempts);
    }
}
