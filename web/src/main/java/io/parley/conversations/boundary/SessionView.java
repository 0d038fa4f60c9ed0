package io.parley.conversations.boundary;

import io.parley.conversations.entity.ChatSession;
import io.parley.conversations.entity.VisitorMeta;
import io.parley.platform.control.UtcClock;
import java.time.Instant;

/** A chat session as the console sees it: never its token hash. */
public record SessionView(String id, String status, String assignedAgentId, long lastSeq, Visitor visitor,
                          Instant createdAt, Instant lastActivityAt) {

    public static SessionView of(ChatSession session) {
        VisitorMeta meta = session.visitor();
        return new SessionView(session.id(), session.status().wireName(), session.assignedAgentId(), session.lastSeq(),
                meta == null ? null : new Visitor(meta.name(), meta.email(), meta.page(), meta.referrer(), meta.locale()),
                UtcClock.instant(session.createdAt()), UtcClock.instant(session.lastActivityAt()));
    }

    public record Visitor(String name, String email, String page, String referrer, String locale) {
    }
}
