package io.parley.assistant.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.assistant.entity.Provider;
import io.parley.platform.entity.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Anthropic Messages: {@code POST messages} with {@code system}, {@code max_tokens} and the turns, images as base64
 * {@code image} blocks; streamed as typed events ({@code message_start} with the input tokens,
 * {@code content_block_delta} with {@code text_delta}s, {@code message_delta} with the output tokens, and
 * {@code error} when the provider gives up midway, e.g. {@code overloaded_error}).
 */
@ApplicationScoped
public class AnthropicClient implements LlmClient {

    @Inject
    @ConfigProperty(name = "parley.assistant.anthropic.max-tokens")
    int maxTokens;

    @Override
    public Provider provider() {
        return Provider.ANTHROPIC;
    }

    @Override
    @Retry(maxRetries = FaultPolicy.RETRIES, delay = FaultPolicy.RETRY_DELAY_MS, retryOn = ProviderUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = FaultPolicy.VOLUME, failureRatio = FaultPolicy.FAILURE_RATIO, delay = FaultPolicy.OPEN_MS, failOn = ProviderFailure.class)
    @Timeout(FaultPolicy.CEILING_MS)
    public Completion complete(Target target, Prompt prompt, Consumer<String> deltas) {
        ObjectNode body = body(target.model(), maxTokens, prompt, deltas != null);
        return ProviderCalls.complete(AnthropicApi.class, target, deltas,
                api -> {
                    JsonNode response = ProviderCalls.read(target, api.create(target.apiKey(), AnthropicApi.VERSION, body.toString()));
                    return ProviderCalls.answered(target, ProviderCalls.joined(response.path("content")), "content[].text",
                            response.path("usage").path("input_tokens"), response.path("usage").path("output_tokens"));
                },
                api -> api.stream(target.apiKey(), AnthropicApi.VERSION, body.toString()),
                (answer, event) -> {
                    switch (event.path("type").asText()) {
                        case "message_start" -> answer.usage(event.path("message").path("usage").path("input_tokens"), event.path("message").path("usage").path("output_tokens"));
                        case "content_block_delta" -> answer.delta(event.path("delta").path("text").asText(""));
                        case "message_delta" -> answer.usage(event.path("usage").path("input_tokens"), event.path("usage").path("output_tokens"));
                        case "message_stop" -> answer.end();
                        case "error" -> throw new ProviderUnavailable("anthropic gave up: " + event.path("error").path("type").asText("error"));
                        default -> {
                            // ping, content_block_start and content_block_stop carry nothing to keep
                        }
                    }
                });
    }

    static ObjectNode body(String model, int maxTokens, Prompt prompt, boolean stream) {
        ObjectNode body = Json.mapper().createObjectNode().put("model", model).put("max_tokens", maxTokens).put("system", prompt.system());
        ArrayNode messages = body.putArray("messages");
        for (Prompt.Turn turn : prompt.turns()) {
            ObjectNode message = messages.addObject().put("role", turn.role() == Prompt.Role.USER ? "user" : "assistant");
            if (turn.images().isEmpty()) {
                message.put("content", turn.text());
            } else {
                ArrayNode blocks = message.putArray("content");
                turn.images().forEach(image -> blocks.addObject().put("type", "image").putObject("source")
                        .put("type", "base64").put("media_type", image.mediaType()).put("data", image.base64()));
                blocks.addObject().put("type", "text").put("text", turn.text());
            }
        }
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }
}
