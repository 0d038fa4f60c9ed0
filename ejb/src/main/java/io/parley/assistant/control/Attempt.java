package io.parley.assistant.control;

import io.parley.assistant.entity.Outcome;

/** One call to one configuration while answering: how it ended, why not well, how long it took. */
public record Attempt(Target target, Outcome outcome, String error, long latencyMs) {
}
