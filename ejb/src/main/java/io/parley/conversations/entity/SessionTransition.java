package io.parley.conversations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/** One change of a session's status, with its time, the agent it went to and who made it. Never changed afterwards. */
@Entity
@Table(name = "session_transitions")
public class SessionTransition {

    static final int MAX_REASON_LENGTH = 200;

    @Id
    private String id;

    @Column(name = "session_id")
    private String sessionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private SessionStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private SessionStatus to;

    @Column(name = "agent_id")
    private String agentId;

    @Column(name = "actor_id")
    private String actorId;

    @Column(name = "changed_at")
    private LocalDateTime changedAt;

    /** The session's moves counted from 1: their order, whatever the times say (V9 migration). */
    private int seq;

    /** Why, where it matters: what made a conversation go to the agents. */
    private String reason;

    protected SessionTransition() {
    }

    public SessionTransition(String sessionId, SessionStatus from, SessionStatus to, String agentId, String actorId, LocalDateTime changedAt, int seq) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.from = from;
        this.to = to;
        this.agentId = agentId;
        this.actorId = actorId;
        this.changedAt = changedAt;
        this.seq = seq;
    }

    public void because(String why) {
        this.reason = why == null ? null : why.substring(0, Math.min(why.length(), MAX_REASON_LENGTH));
    }

    SessionStatus from() {
        return from;
    }

    SessionStatus to() {
        return to;
    }

    String agentId() {
        return agentId;
    }

    String actorId() {
        return actorId;
    }

    LocalDateTime changedAt() {
        return changedAt;
    }

    String reason() {
        return reason;
    }
}
