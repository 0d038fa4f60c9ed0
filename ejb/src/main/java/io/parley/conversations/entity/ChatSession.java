package io.parley.conversations.entity;

import io.parley.platform.control.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One visitor's conversation. The row is also the lock that orders its messages:
 * {@link #nextSeq()} is called only while the row is locked for update.
 */
@Entity
@Table(name = "chat_sessions")
@NamedQuery(name = ChatSession.WAITING, query = "SELECT s.id FROM ChatSession s WHERE s.status = io.parley.conversations.entity.SessionStatus.WAITING_AGENT AND s.assignedAgentId IS NULL ORDER BY s.lastActivityAt, s.id")
@NamedQuery(name = ChatSession.LOAD, query = "SELECT s.assignedAgentId, COUNT(s) FROM ChatSession s WHERE s.status = io.parley.conversations.entity.SessionStatus.ASSIGNED GROUP BY s.assignedAgentId")
@NamedQuery(name = ChatSession.IDLE, query = "SELECT s.id FROM ChatSession s WHERE s.status IN :open AND s.lastActivityAt < :cutoff ORDER BY s.lastActivityAt")
public class ChatSession {

    public static final String IDLE = "ChatSession.idle";
    public static final String WAITING = "ChatSession.waiting";
    public static final String LOAD = "ChatSession.load";

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    private SessionStatus status;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "last_seq")
    private long lastSeq;

    @Column(name = "assigned_agent_id")
    private String assignedAgentId;

    @Embedded
    private VisitorMeta visitor;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "last_activity_at")
    private LocalDateTime lastActivityAt;

    protected ChatSession() {
    }

    public ChatSession(String tokenHash, VisitorMeta visitor) {
        this.id = UUID.randomUUID().toString();
        this.status = SessionStatus.ACTIVE;
        this.tokenHash = tokenHash;
        this.visitor = visitor;
        this.createdAt = UtcClock.now();
        this.lastActivityAt = createdAt;
    }

    /** The sequence number of the next message: 1, 2, 3, ... without gaps. Call only with the row locked. */
    public long nextSeq() {
        lastActivityAt = UtcClock.now();
        return ++lastSeq;
    }

    /** Moves to {@code next} with {@code agentId} as the owner (null for none); call only with the row locked. */
    public SessionTransition moveTo(SessionStatus next, String agentId, String actorId) {
        SessionTransition transition = new SessionTransition(id, status, next, agentId, actorId);
        status = next;
        assignedAgentId = agentId;
        lastActivityAt = UtcClock.now();
        return transition;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    public String assignedAgentId() {
        return assignedAgentId;
    }

    public LocalDateTime lastActivityAt() {
        return lastActivityAt;
    }

    public String id() {
        return id;
    }

    public SessionStatus status() {
        return status;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public VisitorMeta visitor() {
        return visitor;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}
