package io.parley.assistant.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.assistant.entity.Provider;
import io.parley.platform.entity.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Gemini: {@code generateContent}, or {@code streamGenerateContent?alt=sse} whose events each carry the next part of
 * {@code candidates[0].content.parts[].text}; the system prompt as {@code systemInstruction}, the assistant's turns
 * as role {@code model}, images as {@code inlineData}; token counts from {@code usageMetadata}.
 */
@ApplicationScoped
public class GeminiClient implements LlmClient {

    @Override
    public Provider provider() {
        return Provider.GEMINI;
    }

    @Override
    @Retry(maxRetries = FaultPolicy.RETRIES, delay = FaultPolicy.RETRY_DELAY_MS, retryOn = ProviderUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = FaultPolicy.VOLUME, failureRatio = FaultPolicy.FAILURE_RATIO, delay = FaultPolicy.OPEN_MS, failOn = ProviderFailure.class)
    @Timeout(FaultPolicy.CEILING_MS)
    public Completion complete(Target target, Prompt prompt, Consumer<String> deltas) {
        ObjectNode body = body(prompt);
        return ProviderCalls.complete(GeminiApi.class, target, deltas,
                api -> {
                    JsonNode response = ProviderCalls.read(target, api.generate(target.apiKey(), target.model(), body.toString()));
                    return ProviderCalls.answered(target, text(response), "candidates[0].content.parts[].text",
                            response.path("usageMetadata").path("promptTokenCount"), response.path("usageMetadata").path("candidatesTokenCount"));
                },
                api -> api.stream(target.apiKey(), target.model(), "sse", body.toString()),
                (answer, chunk) -> {
                    answer.delta(text(chunk));
                    if (chunk.path("candidates").path(0).path("finishReason").isTextual()) {
                        answer.end();
                    }
                    answer.usage(chunk.path("usageMetadata").path("promptTokenCount"), chunk.path("usageMetadata").path("candidatesTokenCount"));
                });
    }

    static ObjectNode body(Prompt prompt) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.putObject("systemInstruction").putArray("parts").addObject().put("text", prompt.system());
        ArrayNode contents = body.putArray("contents");
        for (Prompt.Turn turn : prompt.turns()) {
            ObjectNode content = contents.addObject().put("role", turn.role() == Prompt.Role.USER ? "user" : "model");
            ArrayNode parts = content.putArray("parts");
            parts.addObject().put("text", turn.text());
            turn.images().forEach(image -> parts.addObject().putObject("inlineData").put("mimeType", image.mediaType()).put("data", image.base64()));
        }
        return body;
    }

    /** The text parts of the first candidate, joined; empty when there is no candidate (a blocked prompt). */
    private static String text(JsonNode response) {
        return ProviderCalls.joined(response.path("candidates").path(0).path("content").path("parts"));
    }
}
