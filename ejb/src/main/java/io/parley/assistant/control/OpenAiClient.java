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
 * OpenAI Chat Completions: {@code POST chat/completions} with a bearer key (Azure's {@code api-key} header for
 * *.azure.com), streamed as {@code data: {choices:[{delta:{content}}]}} events ending with {@code [DONE]}; token
 * counts from {@code usage} (asked for in the stream with {@code stream_options.include_usage}). Images go as
 * {@code image_url} parts with data URLs. A local server without a key gets no Authorization header.
 */
@ApplicationScoped
public class OpenAiClient implements LlmClient {

    @Override
    public Provider provider() {
        return Provider.OPENAI;
    }

    @Override
    @Retry(maxRetries = FaultPolicy.RETRIES, delay = FaultPolicy.RETRY_DELAY_MS, retryOn = ProviderUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = FaultPolicy.VOLUME, failureRatio = FaultPolicy.FAILURE_RATIO, delay = FaultPolicy.OPEN_MS, failOn = ProviderFailure.class)
    @Timeout(FaultPolicy.CEILING_MS)
    public Completion complete(Target target, Prompt prompt, Consumer<String> deltas) {
        ObjectNode body = body(target.model(), prompt, deltas != null);
        return ProviderCalls.complete(OpenAiApi.class, target, deltas,
                api -> completion(target, ProviderCalls.read(target, api.complete(bearer(target), azureKey(target), body.toString()))),
                api -> api.stream(bearer(target), azureKey(target), body.toString()),
                (answer, chunk) -> {
                    chunk.path("choices").forEach(choice -> {
                        answer.delta(choice.path("delta").path("content").asText(""));
                        if (choice.path("finish_reason").isTextual()) {
                            answer.end();
                        }
                    });
                    answer.usage(chunk.path("usage").path("prompt_tokens"), chunk.path("usage").path("completion_tokens"));
                });
    }

    static ObjectNode body(String model, Prompt prompt, boolean stream) {
        ObjectNode body = Json.mapper().createObjectNode().put("model", model);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", prompt.system());
        for (Prompt.Turn turn : prompt.turns()) {
            ObjectNode message = messages.addObject().put("role", turn.role() == Prompt.Role.USER ? "user" : "assistant");
            if (turn.images().isEmpty()) {
                message.put("content", turn.text());
            } else {
                ArrayNode parts = message.putArray("content");
                parts.addObject().put("type", "text").put("text", turn.text());
                turn.images().forEach(image -> parts.addObject().put("type", "image_url").putObject("image_url").put("url", image.dataUrl()));
            }
        }
        if (stream) {
            body.put("stream", true).putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    private static Completion completion(Target target, JsonNode response) {
        JsonNode usage = response.path("usage");
        return ProviderCalls.answered(target, response.path("choices").path(0).path("message").path("content").asText(""),
                "choices[0].message.content", usage.path("prompt_tokens"), usage.path("completion_tokens"));
    }

    private static String bearer(Target target) {
        return target.hasKey() ? "Bearer " + target.apiKey() : null;
    }

    private static String azureKey(Target target) {
        return target.hasKey() && target.baseUrl().getHost().endsWith(".azure.com") ? target.apiKey() : null;
    }
}
