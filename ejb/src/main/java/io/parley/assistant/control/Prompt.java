package io.parley.assistant.control;

import java.util.Base64;
import java.util.List;

/** What a provider is asked: the system prompt and the conversation so far, oldest first, ending with the visitor. */
public record Prompt(String system, List<Turn> turns) {

    public Prompt {
        turns = List.copyOf(turns);
    }

    /** One turn; consecutive turns of one side are already merged, as Gemini and Anthropic require. */
    public record Turn(Role role, String text, List<Image> images) {

        public Turn {
            images = List.copyOf(images);
        }
    }

    public enum Role {
        USER, ASSISTANT
    }

    /** An image the visitor sent, for vision: its media type (image/png, ...) and bytes. */
    public record Image(String mediaType, byte[] data) {

        public String base64() {
            return Base64.getEncoder().encodeToString(data);
        }

        public String dataUrl() {
            return "data:" + mediaType + ";base64," + base64();
        }
    }
}
