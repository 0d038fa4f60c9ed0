package io.parley.conversations.entity;

import java.util.List;

/**
 * A system message is stored in a session: what the visitor is told (queued, nobody can come, an agent joined, the
 * assistant could not answer), with what it offers them and why.
 */
public record NoticeStored(ChatMessage message, ChatSession session, Notice notice) {

    /**
     * What a notice means to the widget: {@code offers} (ways forward: {@code agent}, {@code offline_form}),
     * {@code reason} (why, when nobody can come), {@code waitSeconds} (the visitor's countdown), {@code event} and
     * {@code agentName} (an agent joined); absent values are null.
     */
    public record Notice(List<String> offers, String reason, Long waitSeconds, String event, String agentName) {

        public static Notice offering(List<String> offers, String reason) {
            return new Notice(offers, reason, null, null, null);
        }

        public static Notice agentJoined(String agentName) {
            return new Notice(List.of(), null, null, "agent_joined", agentName);
        }
    }
}
