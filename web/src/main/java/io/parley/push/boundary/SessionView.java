package io.parley.push.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.conversations.entity.ChatSession;
import io.parley.conversations.entity.VisitorMeta;
import io.parley.platform.entity.UtcClock;
import java.time.Instant;

/**
 * A chat session as the console sees it: never its token hash. {@code rating} is null until the visitor rated it;
 * {@code handoffSummary} until the fleet summed up the visitor's talk with the assistant for the agents.
 */
public record SessionView(String id, String status, String assignedAgentId, long lastSeq, Visitor visitor,
                          Instant createdAt, Instant lastActivityAt, Instant waitingSince,
                          @JsonInclude(JsonInclude.Include.ALWAYS) Rating rating,
                          @JsonInclude(JsonInclude.Include.ALWAYS) String handoffSummary) {

    public static SessionView of(ChatSession session) {
        VisitorMeta meta = session.visitor();
        return new SessionView(session.id(), session.status().wireName(), session.assignedAgentId(), session.lastSeq(),
                meta == null ? null : new Visitor(meta.name(), meta.email(), meta.page(), meta.referrer(), meta.locale(), meta.userAgent()),
                UtcClock.instant(session.createdAt()), UtcClock.instant(session.lastActivityAt()),
                session.awaitsAgent() ? UtcClock.instant(session.waitingSince()) : null,
                session.rating() == null ? null : new Rating(session.rating(), session.ratingComment(), UtcClock.instant(session.ratedAt())),
                session.handoffSummary());
    }

    public record Visitor(String name, String email, String page, String referrer, String locale, String userAgent) {
    }

    /** The visitor's score (1 to 5) and comment (or null), and when they gave it. */
    public record Rating(int score, @JsonInclude(JsonInclude.Include.ALWAYS) String comment, Instant ratedAt) {
    }
}
