package io.parley.assistant.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each provider's request body: system prompt, turns, and an image for vision in the provider's own format. */
class ProviderBodiesTest {

    private static final Prompt.Image PHOTO = new Prompt.Image("image/png", "not really a png".getBytes(StandardCharsets.UTF_8));
    private static final String PHOTO_BASE64 = "bm90IHJlYWxseSBhIHBuZw==";
    private static final Prompt PROMPT = new Prompt("Be helpful.", List.of(
            new Prompt.Turn(Prompt.Role.USER, "My order is late", List.of()),
            new Prompt.Turn(Prompt.Role.ASSISTANT, "Which order?", List.of()),
            new Prompt.Turn(Prompt.Role.USER, "This one, see the label", List.of(PHOTO))));

    @Test
    void openAiSendsTheSystemPromptAsAMessageAndImagesAsDataUrls() {
        JsonNode body = OpenAiClient.body("gpt-4o-mini", PROMPT, true);
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("messages")).extracting(m -> m.path("role").asText()).containsExactly("system", "user", "assistant", "user");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Be helpful.");
        JsonNode parts = body.path("messages").get(3).path("content");
        assertThat(parts.get(0).path("text").asText()).isEqualTo("This one, see the label");
        assertThat(parts.get(1).path("image_url").path("url").asText()).isEqualTo("data:image/png;base64," + PHOTO_BASE64);
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(OpenAiClient.body("gpt-4o-mini", PROMPT, false).has("stream")).isFalse();
    }

    @Test
    void geminiSendsASystemInstructionModelTurnsAndInlineData() {
        JsonNode body = GeminiClient.body(PROMPT);
        assertThat(body.path("systemInstruction").path("parts").get(0).path("text").asText()).isEqualTo("Be helpful.");
        assertThat(body.path("contents")).extracting(c -> c.path("role").asText()).containsExactly("user", "model", "user");
        JsonNode parts = body.path("contents").get(2).path("parts");
        assertThat(parts.get(1).path("inlineData").path("mimeType").asText()).isEqualTo("image/png");
        assertThat(parts.get(1).path("inlineData").path("data").asText()).isEqualTo(PHOTO_BASE64);
    }

    @Test
    void anthropicSendsTheSystemPromptApartTheTokenLimitAndBase64ImageBlocks() {
        JsonNode body = AnthropicClient.body("claude-3-5-haiku-latest", 1024, PROMPT, true);
        assertThat(body.path("system").asText()).isEqualTo("Be helpful.");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
        assertThat(body.path("messages")).extracting(m -> m.path("role").asText()).containsExactly("user", "assistant", "user");
        JsonNode blocks = body.path("messages").get(2).path("content");
        assertThat(blocks.get(0).path("source").path("type").asText()).isEqualTo("base64");
        assertThat(blocks.get(0).path("source").path("media_type").asText()).isEqualTo("image/png");
        assertThat(blocks.get(0).path("source").path("data").asText()).isEqualTo(PHOTO_BASE64);
        assertThat(blocks.get(1).path("text").asText()).isEqualTo("This one, see the label");
        assertThat(body.path("messages").get(0).path("content").asText()).as("text alone stays a string").isEqualTo("My order is late");
    }
}
