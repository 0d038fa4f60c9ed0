package io.parley.conversations.entity;

import io.parley.platform.entity.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A note agents keep on a conversation for each other. Kept apart from the messages, so that the visitor's
 * transcript has no gaps in its sequence and a note can never be replayed to the visitor.
 */
@Entity
@Table(name = "internal_notes")
@NamedQuery(name = InternalNote.OF_SESSION, query = "SELECT n FROM InternalNote n WHERE n.sessionId = :sessionId ORDER BY n.createdAt, n.id")
public class InternalNote {

    public static final String OF_SESSION = "InternalNote.ofSession";

    @Id
    private String id;

    @Column(name = "session_id")
    private String sessionId;

    @Column(name = "author_id")
    private String authorId;

    @Column(name = "body")
    private String text;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected InternalNote() {
    }

    public InternalNote(String sessionId, String authorId, String text) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.authorId = authorId;
        this.text = text;
        this.createdAt = UtcClock.now();
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public String authorId() {
        return authorId;
    }

    public String text() {
        return text;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}
