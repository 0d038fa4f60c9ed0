package io.parley.assistant.entity;

import io.parley.conversations.entity.ChatMessage;
import io.parley.conversations.entity.ChatSession;
import java.util.List;

/**
 * The assistant's answer is stored: a canned response or the model's words, with up to three suggestions; it completes
 * {@code streamId} (null when nothing was streamed).
 */
public record AnswerStored(ChatMessage message, ChatSession session, ResponseType type, List<String> suggestions, String streamId) {
}
