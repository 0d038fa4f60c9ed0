package io.parley.assistant.control;

/** A provider's whole answer, with the token counts it reported (null where it reports none). */
public record Completion(String text, Integer tokensIn, Integer tokensOut) {
}
