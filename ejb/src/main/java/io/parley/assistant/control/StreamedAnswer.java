package io.parley.assistant.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.assistant.entity.Outcome;
import java.util.function.Consumer;

/** An answer as it streams in: its text so far, what was passed on, the token counts once the provider reports them. */
final class StreamedAnswer {

    private final StringBuilder text = new StringBuilder();
    private final Consumer<String> deltas;
    private boolean started;
    private boolean ended;
    private Integer tokensIn;
    private Integer tokensOut;

    StreamedAnswer(Consumer<String> deltas) {
        this.deltas = deltas;
    }

    void delta(String delta) {
        if (!delta.isEmpty()) {
            text.append(delta);
            started = true;
            deltas.accept(delta);
        }
    }

    /** The provider said the answer is complete (OpenAI's finish_reason or [DONE], Gemini's finishReason, Anthropic's message_stop). */
    void end() {
        ended = true;
    }

    void usage(JsonNode in, JsonNode out) {
        tokensIn = count(in) == null ? tokensIn : count(in);
        tokensOut = count(out) == null ? tokensOut : count(out);
    }

    /** What a failure means now: once part of the answer reached the visitor, it must not be asked again. */
    ProviderFailure failure(ProviderFailure failure) {
        return started && failure.outcome() != Outcome.BROKEN_STREAM ? new ProviderFailure(Outcome.BROKEN_STREAM, "the answer stopped midway: " + failure.getMessage()) : failure;
    }

    /** The whole answer once the stream is over; a stream that ended without saying the answer is complete broke off. */
    Completion finish(Target target) {
        if (!ended) {
            throw new ProviderUnavailable(target.provider().wireName() + " closed the stream before the answer was complete");
        }
        if (text.isEmpty()) {
            throw new ProviderFailure(Outcome.MALFORMED, target.provider().wireName() + " streamed no text");
        }
        return new Completion(text.toString(), tokensIn, tokensOut);
    }

    static Integer count(JsonNode tokens) {
        return tokens.isInt() ? tokens.asInt() : null;
    }
}
