package io.parley.assistant.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.parley.platform.entity.Json;
import io.parley.platform.entity.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The structured reply the assistant asks every model for, and its reading. Models are asked for one JSON object
 * with the answer first; what comes back is read leniently: JSON wrapped in prose or a code fence is found, and a
 * model that ignores the format altogether is taken at its word (the whole text is the answer, no suggestions).
 */
public final class ReplyFormat {

    public static final int MAX_SUGGESTIONS = 3;
    static final int MAX_SUGGESTION_LENGTH = 80;

    /** Appended to the admin's system prompt. */
    public static final String INSTRUCTION = """

            Reply with one JSON object and nothing else, in this form:
            {"answer": "your reply to the visitor (Markdown allowed)",
             "suggestions": ["up to 3 short follow-up questions the visitor may want to ask next"],
             "action": "answer" or "handoff",
             "reason": "when action is handoff: why a human agent should take over",
             "confidence": a number from 0 to 1, how sure you are that the answer is right and complete}
            Write "answer" first. Choose "handoff" when the visitor asks for a person or you cannot help them.""";

    private ReplyFormat() {
    }

    public static Reply read(String text) {
        String trimmed = text.strip();
        int open = trimmed.indexOf('{');
        int close = trimmed.lastIndexOf('}');
        if (open >= 0 && close > open) {
            try {
                JsonNode json = Json.mapper().readTree(trimmed.substring(open, close + 1));
                if (json.path("answer").isTextual() && !json.path("answer").asText().isBlank()) {
                    return structured(json);
                }
            } catch (JsonProcessingException notJson) {
                // prose with braces in it: the text is the answer
            }
        }
        return new Reply(trimmed, List.of(), false, null, null);
    }

    private static Reply structured(JsonNode json) {
        List<String> suggestions = new ArrayList<>();
        for (JsonNode suggestion : json.path("suggestions")) {
            String text = suggestion.asText("").strip();
            if (!text.isEmpty() && text.length() <= MAX_SUGGESTION_LENGTH && suggestions.size() < MAX_SUGGESTIONS && !suggestions.contains(text)) {
                suggestions.add(text);
            }
        }
        JsonNode confidence = json.path("confidence");
        Double sure = confidence.isNumber() && confidence.asDouble() >= 0 && confidence.asDouble() <= 1 ? confidence.asDouble() : null;
        String reason = json.path("reason").asText("").strip();
        return new Reply(json.path("answer").asText().strip(), List.copyOf(suggestions), json.path("action").asText("").equalsIgnoreCase("handoff"),
                reason.isEmpty() ? null : reason, sure);
    }

    /** The reply as read: the visitor's answer, the suggestions to show, whether the model hands over to a person. */
    public record Reply(String answer, List<String> suggestions, boolean handoff, String reason, Double confidence) {

        /**
         * Why a person should take over after this reply, if they should: the model hands over ({@code assistant_handoff}
         * with its reason, cut to {@code maxLength}) or is less sure than {@code minConfidence} ({@code low_confidence}).
         */
        public Optional<String> handoverReason(double minConfidence, int maxLength) {
            if (handoff) {
                return Optional.of(reason == null ? "assistant_handoff" : Texts.cut("assistant_handoff: " + reason, maxLength));
            }
            return confidence != null && confidence < minConfidence ? Optional.of("low_confidence") : Optional.empty();
        }
    }
}
