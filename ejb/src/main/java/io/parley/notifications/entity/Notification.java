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
@NamedQuery(name = Notification.UNREAD_COUNT_OF_USER, query = "SELECT COUNT(n) FROM Notification n WHERE n.userId = :userId AND n.readAt IS NULL")
@NamedQuery(name = Notification.UNREAD_OF_KIND, query = "SELECT n FROM Notification n WHERE n.userId = :userId AND n.kind = :kind "
        + "AND n.readAt IS NULL AND n.createdAt >= :since ORDER BY n.createdAt DESC")
public class Notification {

    public static final String OF_USER = "Notification.ofUser";
    public static final String UNREAD_OF_KIND = "Notification.unreadOfKind";
    public static final String COUNT_OF_USER = "Notification.countOfUser";
    public static final String UNREAD_COUNT_OF_USER = "Notification.unreadCountOfUser";

    /**
     * What happened: a conversation given to the person, taken from them, a visitor asking for a person, or a visitor
     * leaving a message with the offline form.
     */
    public enum Kind {
        ASSIGNED, AGENT_REQUEST, TICKET;

        /** Whether events of this kind, while unread, make one notification: anyone may cause them (a flood could). */
        public boolean coalesces() {
            return this != ASSIGNED;
        }
    }

    @Id
    private String id;

    @Column(name = "user_id")
    private String userId;

    private String kind;

    private String text;

    @Column(name = "session_id")
    private String sessionId;

    /** How many events of its kind this (unread) notification stands for; it tells of the latest. */
    private int occurrences;

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
        this.occurrences = 1;
        this.createdAt = UtcClock.now();
    }

    /** Another event of the same kind before this was read: it now tells of that one, and counts it. */
    public void again(String latestText, String latestSessionId) {
        text = latestText;
        sessionId = latestSessionId;
        occurrences++;
        createdAt = UtcClock.now();
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

    public int occurrences() {
        return occurrences;
    }

    public LocalDateTime readAt() {
        return readAt;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}
