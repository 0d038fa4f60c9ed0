package io.parley.notifications.entity;

import io.parley.platform.entity.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/** One thing one person is told, and whether they have read it. */
@Entity
@Table(name = "notifications")
@NamedQuery(name = Notification.OF_USER, query = "SELECT n FROM Notification n WHERE n.userId = :userId ORDER BY n.createdAt DESC, n.id")
@NamedQuery(name = Notification.COUNT_OF_USER, query = "SELECT COUNT(n) FROM Notification n WHERE n.userId = :userId")
public class Notification {

    public static final String OF_USER = "Notification.ofUser";
    public static final String COUNT_OF_USER = "Notification.countOfUser";

    /**
     * What happened: a conversation given to the person, taken from them, a visitor asking for a person, or a visitor
     * leaving a message with the offline form.
     */
    public enum Kind { ASSIGNED, AGENT_REQUEST, TICKET }

    @Id
    private String id;

    @Column(name = "user_id")
    private String userId;

    private String kind;

    private String text;

    @Column(name = "session_id")
    private String sessionId;

    @Column(name = "read_at")
    private LocalDateTime readAt;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected Notification() {
    }

    public Notification(String userId, Kind kind, String text, String sessionId) {
        this.id = UUID.randomUUID().toString();
        this.userId = userId;
        this.kind = kind.name();
        this.text = text;
        this.sessionId = sessionId;
        this.createdAt = UtcClock.now();
    }

    public void markRead() {
        if (readAt == null) {
            readAt = UtcClock.now();
        }
    }

    public String id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public String kind() {
        return kind;
    }

    public String text() {
        return text;
    }

    public String sessionId() {
        return sessionId;
    }

    public LocalDateTime readAt() {
        return readAt;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}
