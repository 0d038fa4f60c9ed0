package io.parley.assistant.entity;

/** The next words of an answer the model is writing, for the visitor only, as they arrive; nothing is stored yet. */
public record AnswerStreamed(String sessionId, String streamId, String delta) {
}
