package io.parley.push.boundary;

import io.parley.conversations.entity.ChatMessage;
import io.parley.platform.entity.UtcClock;
import java.time.Instant;
import java.util.List;

/**
 * A message as every client sees it (docs/protocol.md). {@code agentId} and {@code agentName} only on an agent's
 * message: who wrote it, by the name they had then.
 */
public record WireMessage(String id, String sessionId, long seq, String sender, String text,
                          List<Attached> attachments, String agentId, String agentName, Instant createdAt, String clientMsgId) {

    public static WireMessage of(ChatMessage message) {
        return new WireMessage(message.id(), message.sessionId(), message.seq(), message.sender().wireName(),
                message.text(), message.attachmentId() == null ? List.of() : List.of(new Attached(message.attachmentId(), AttachmentLink.url(message.attachmentId()))),
                message.authorId(), message.authorName(), UtcClock.instant(message.createdAt()), message.clientMsgId());
    }

    /** An image the message carries: its id and where the visitor reads it (agents: /api/admin/attachments/{id}). */
    public record Attached(String id, String url) {
    }

    public static List<WireMessage> of(List<ChatMessage> messages) {
        return messages.stream().map(WireMessage::of).toList();
    }
}
