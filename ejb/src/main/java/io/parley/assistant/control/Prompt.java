package io.parley.assistant.control;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** What a provider is asked: the system prompt and the conversation so far, oldest first, ending with the visitor. */
public record Prompt(String system, List<Turn> turns) {

    public Prompt {
        turns = List.copyOf(turns);
    }

    /**
     * Lines of a conversation, oldest first, as turns the providers accept: it starts with the visitor (answers before
     * their first words are left out) and consecutive lines of one side are merged into one turn.
     */
    public static List<Turn> conversation(List<Turn> lines) {
        List<Turn> turns = new ArrayList<>();
        for (Turn line : lines) {
            if (turns.isEmpty() && line.role() == Role.ASSISTANT) {
                continue;
            }
            Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
            if (last != null && last.role() == line.role()) {
                turns.set(turns.size() - 1, new Turn(line.role(), last.text() + "\n\n" + line.text(), last.images()));
            } else {
                turns.add(line);
            }
        }
        return turns;
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
