package io.parley.conversations.entity;

import io.parley.platform.entity.Refusal;
import io.parley.platform.entity.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
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
@NamedQuery(name = ChatSession.WAITING, query = "SELECT s.id FROM ChatSession s WHERE s.status = io.parley.conversations.entity.SessionStatus.WAITING_AGENT AND s.assignedAgentId IS NULL ORDER BY s.waitingSince, s.id")
@NamedQuery(name = ChatSession.LOAD, query = "SELECT s.assignedAgentId, COUNT(s) FROM ChatSession s WHERE s.status = io.parley.conversations.entity.SessionStatus.ASSIGNED GROUP BY s.assignedAgentId")
// The lock that orders a session's messages, taken on every message: a named query is prepared once, whereas a find
// with a lock mode had EclipseLink build its SQL anew each time (bench/README.md).
@NamedQuery(name = ChatSession.LOCKED, query = "SELECT s FROM ChatSession s WHERE s.id = :id", lockMode = LockModeType.PESSIMISTIC_WRITE)
// A group of visitors' messages locks all its sessions at once, in id order (Transcript.appendAll).
@NamedQuery(name = ChatSession.LOCKED_ALL, query = "SELECT s FROM ChatSession s WHERE s.id IN :ids ORDER BY s.id", lockMode = LockModeType.PESSIMISTIC_WRITE)
@NamedQuery(name = ChatSession.UNACCEPTED, query = "SELECT s.id FROM ChatSession s WHERE s.status = io.parley.conversations.entity.SessionStatus.ASSIGNED AND s.acceptedAt IS NULL AND s.assignedAt < :cutoff ORDER BY s.assignedAt")
@NamedQuery(name = ChatSession.WAITED_TOO_LONG, query = "SELECT s.id FROM ChatSession s WHERE s.status = io.parley.conversations.entity.SessionStatus.WAITING_AGENT AND s.waitingSince < :cutoff ORDER BY s.waitingSince")
@NamedQuery(name = ChatSession.OF_VISITOR, query = "SELECT s FROM ChatSession s WHERE LOWER(s.visitor.email) = :email AND s.id <> :id AND (:admin = TRUE OR s.assignedAgentId IS NULL OR s.assignedAgentId = :agentId) ORDER BY s.createdAt DESC, s.id DESC")
@NamedQuery(name = ChatSession.ASSIGNED_TO, query = "SELECT s.id FROM ChatSession s WHERE s.status = io.parley.conversations.entity.SessionStatus.ASSIGNED AND s.assignedAgentId = :agentId ORDER BY s.id")
@NamedQuery(name = ChatSession.IDLE, query = "SELECT s.id FROM ChatSession s WHERE s.status IN :open AND s.lastActivityAt < :cutoff ORDER BY s.lastActivityAt")
@NamedQuery(name = ChatSession.RATINGS, query = "SELECT s.id, s.rating, s.ratingComment FROM ChatSession s WHERE s.id IN :ids")
public class ChatSession {

    /** The visitor's rating of each of the sessions {@code :ids} (null where they gave none): id, score, comment. */
    public static final String RATINGS = "ChatSession.ratings";
    public static final String LOCKED = "ChatSession.locked";
    public static final String LOCKED_ALL = "ChatSession.lockedAll";
    public static final String IDLE = "ChatSession.idle";
    /** The other conversations with the visitor's address {@code :email} (lower case) that a person may see. */
    public static final String OF_VISITOR = "ChatSession.ofVisitor";
    public static final String UNACCEPTED = "ChatSession.unaccepted";
    public static final String WAITED_TOO_LONG = "ChatSession.waitedTooLong";
    public static final String WAITING = "ChatSession.waiting";
    public static final String LOAD = "ChatSession.load";
    /** The open conversations agent {@code :agentId} owns now, taken up or not. */
    public static final String ASSIGNED_TO = "ChatSession.assignedTo";

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    private SessionStatus status;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "last_seq")
    private long lastSeq;

    /** How many times the status changed: the sequence of the next {@link SessionTransition}. */
    private int moves;

    @Column(name = "assigned_agent_id")
    private String assignedAgentId;

    /** What the conversation with the assistant came to, for the agent who takes it over (the latest handoff's). */
    @Column(name = "handoff_summary")
    private String handoffSummary;

    /** The agent who last let this conversation lapse since the visitor asked: it is never offered straight back to them. */
    @Column(name = "lapsed_by")
    private String lapsedBy;

    @Embedded
    private VisitorMeta visitor;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "last_activity_at")
    private LocalDateTime lastActivityAt;

    @Column(name = "waiting_since")
    private LocalDateTime waitingSince;

    @Column(name = "assigned_at")
    private LocalDateTime assignedAt;

    @Column(name = "accepted_at")
    private LocalDateTime acceptedAt;

    /** The agent the visitor was last told joined the conversation. */
    @Column(name = "joined_agent_id")
    private String joinedAgentId;

    /** The visitor's rating of the conversation, 1 to 5; null until they rate it. */
    private Integer rating;

    @Column(name = "rating_comment")
    private String ratingComment;

    @Column(name = "rated_at")
    private LocalDateTime ratedAt;

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
        tick();
        return ++lastSeq;
    }

    /**
     * The time of the session's next event, strictly after its last one even when the machine's clock steps back or two
     * events fall in one millisecond. (Their order is kept by {@code seq} and {@link SessionTransition}'s own sequence;
     * this keeps the times from contradicting it where the database stores milliseconds.)
     */
    private LocalDateTime tick() {
        LocalDateTime now = UtcClock.now();
        lastActivityAt = now.isAfter(lastActivityAt) ? now : lastActivityAt.plusNanos(1_000_000);
        return lastActivityAt;
    }

    /**
     * The visitor asks for a person, or the assistant finds they should have one: the conversation joins the queue, the
     * assistant stops, and the visitor's countdown starts unless it runs already. The transition keeps the reason.
     */
    public SessionTransition queueForAgent(String reason) {
        require(status == SessionStatus.ACTIVE, "join the queue");
        lapsedBy = null;
        SessionTransition transition = enter(SessionStatus.WAITING_AGENT, null, null);
        transition.because(reason);
        startCountdownUnlessRunning(transition);
        return transition;
    }

    /**
     * Routing gives a queued conversation to an agent with room. The agent has not taken it up yet, and the visitor's
     * countdown runs on until they do.
     */
    public SessionTransition routeTo(String agentId) {
        require(isWaiting() && isUnowned(), "be routed to an agent");
        return assign(agentId, null);
    }

    /**
     * An admin or an agent gives an open conversation to {@code agentId}, or transfers it, or gives it to its owner
     * again. Agents who give it to themselves take it up at once; anyone else takes it up when they join or write.
     */
    public SessionTransition giveTo(String agentId, String actorId) {
        requireOpen();
        return assign(agentId, actorId);
    }

    /** An agent writes in, or opens, a conversation nobody owns: it becomes theirs, taken up at once. */
    public SessionTransition takeBy(String agentId) {
        require(isUnowned(), "be taken by an agent");
        return assign(agentId, agentId);
    }

    /**
     * Nobody took the assignment up in time: the conversation goes back to the queue and the visitor's countdown runs
     * on. It starts now if the visitor never waited (the conversation was given by hand).
     */
    public SessionTransition lapse() {
        require(hasAgent() && !accepted(), "lapse");
        lapsedBy = assignedAgentId;
        SessionTransition transition = enter(SessionStatus.WAITING_AGENT, null, null);
        startCountdownUnlessRunning(transition);
        return transition;
    }

    /** The agent, or an admin, lets go of the conversation and the assistant answers again. */
    public SessionTransition releaseToAssistant(String actorId) {
        require(hasAgent(), "go back to the assistant");
        SessionTransition transition = enter(SessionStatus.ACTIVE, null, actorId);
        waitingSince = null;
        return transition;
    }

    /** The agent, or an admin, lets go of the conversation and it goes back to the queue with a fresh countdown. */
    public SessionTransition releaseToQueue(String actorId) {
        require(hasAgent(), "go back to the queue");
        SessionTransition transition = enter(SessionStatus.WAITING_AGENT, null, actorId);
        waitingSince = transition.changedAt();
        return transition;
    }

    /** The visitor waited the whole countdown without an agent: the assistant answers again. */
    public SessionTransition stopWaiting() {
        require(isWaiting(), "stop waiting");
        SessionTransition transition = enter(SessionStatus.ACTIVE, null, null);
        waitingSince = null;
        return transition;
    }

    /** An agent resolves the conversation. It stays with the agent who owned it, for the record. */
    public SessionTransition resolve(String actorId) {
        requireOpen();
        return enter(SessionStatus.RESOLVED, assignedAgentId, actorId);
    }

    /** The visitor ends the conversation. It stays with the agent who owned it, for the record. */
    public SessionTransition endByVisitor() {
        requireOpen();
        return enter(SessionStatus.CLOSED, assignedAgentId, null);
    }

    /** Nothing happened in the conversation for too long, so it is over. It stays with the agent who owned it. */
    public SessionTransition expire() {
        requireOpen();
        return enter(SessionStatus.CLOSED, assignedAgentId, null);
    }

    /** Whether the person may see the conversation: an admin sees every one, an agent those nobody or they themselves own. */
    public boolean isVisibleTo(String userId, boolean admin) {
        return admin || assignedAgentId == null || assignedAgentId.equals(userId);
    }

    /** Whether the assistant has the conversation: it answers the visitor's messages. */
    public boolean isWithAssistant() {
        return status == SessionStatus.ACTIVE;
    }

    /**
     * Whether the visitor waits for a person to take the conversation up: queued, or assigned and not taken up yet
     * (the visitor's countdown, if it runs, runs on).
     */
    public boolean awaitsAgent() {
        return isWaiting() || hasAgent() && !accepted();
    }

    /** Whether the conversation is in the queue, waiting for an agent. */
    public boolean isWaiting() {
        return status == SessionStatus.WAITING_AGENT;
    }

    /** Whether the conversation is open and no agent owns it: the assistant has it, or it waits in the queue. */
    public boolean isUnowned() {
        return isOpen() && assignedAgentId == null;
    }

    /** Whether an agent owns the conversation now, taken up or not. */
    public boolean hasAgent() {
        return status == SessionStatus.ASSIGNED;
    }

    /** @throws Refusal ({@code session_closed} or {@code invalid_transition}) unless the move is allowed */
    private void require(boolean allowed, String move) {
        requireOpen();
        if (!allowed) {
            throw new Refusal(Refusal.Kind.CONFLICT, "invalid_transition", "A conversation that is " + state() + " cannot " + move);
        }
    }

    /** @throws Refusal ({@code session_closed}) when the conversation is resolved or closed */
    private void requireOpen() {
        if (!isOpen()) {
            throw SessionRefusals.ended();
        }
    }

    /** The status in words, for a refusal. */
    private String state() {
        return switch (status) {
            case ACTIVE -> "active";
            case WAITING_AGENT -> "waiting for an agent";
            case ASSIGNED -> accepted() ? "assigned and taken up" : "assigned";
            case RESOLVED -> "resolved";
            case CLOSED -> "closed";
        };
    }

    /** Gives the conversation to {@code agentId}; it is taken up at once when agents give it to themselves. */
    private SessionTransition assign(String agentId, String actorId) {
        SessionTransition transition = enter(SessionStatus.ASSIGNED, agentId, actorId);
        if (agentId.equals(actorId)) {
            acceptedAt = assignedAt;
        }
        return transition;
    }

    /**
     * Enters {@code next} with {@code agentId} as the owner (null for none) and returns the transition to store. Only
     * entering {@code ASSIGNED} sets the time of the assignment; nothing is taken up yet.
     */
    private SessionTransition enter(SessionStatus next, String agentId, String actorId) {
        LocalDateTime now = tick();
        SessionTransition transition = new SessionTransition(id, status, next, agentId, actorId, now, ++moves);
        status = next;
        assignedAgentId = agentId;
        assignedAt = next == SessionStatus.ASSIGNED ? now : null;
        acceptedAt = null;
        return transition;
    }

    private void startCountdownUnlessRunning(SessionTransition transition) {
        if (waitingSince == null) {
            waitingSince = transition.changedAt();
        }
    }

    /**
     * The owner took the conversation up (joined it or wrote in it); anyone else's joining changes nothing.
     * @return whether it was taken up now
     */
    public boolean acceptBy(String agentId) {
        if (status == SessionStatus.ASSIGNED && agentId.equals(assignedAgentId) && acceptedAt == null) {
            acceptedAt = UtcClock.now();
            return true;
        }
        return false;
    }

    /**
     * The owner has just taken the conversation up: whether the visitor is to be told that they joined. Not when the
     * visitor was told of this same agent last (taken up again after a release, say): nobody joins twice in a row.
     */
    public boolean joinedBy(String agentId) {
        if (status != SessionStatus.ASSIGNED || !agentId.equals(assignedAgentId) || acceptedAt == null || agentId.equals(joinedAgentId)) {
            return false;
        }
        joinedAgentId = agentId;
        return true;
    }

    /** The visitor rates the conversation, at any time, even after it ended; rating again replaces the rating. */
    public void rate(int score, String comment) {
        if (score < 1 || score > 5) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid", "A rating is a score from 1 to 5");
        }
        rating = score;
        ratingComment = comment;
        ratedAt = UtcClock.now();
    }

    /** The visitor's score, 1 to 5, or null when they have not rated the conversation. */
    public Integer rating() {
        return rating;
    }

    public String ratingComment() {
        return ratingComment;
    }

    public LocalDateTime ratedAt() {
        return ratedAt;
    }

    /** Assigned before {@code cutoff} and not taken up since. */
    /** When the conversation was given to its agent (null while nobody has it). */
    public LocalDateTime assignedAt() {
        return assignedAt;
    }

    public boolean unacceptedSince(LocalDateTime cutoff) {
        return status == SessionStatus.ASSIGNED && acceptedAt == null && assignedAt != null && assignedAt.isBefore(cutoff);
    }

    public LocalDateTime waitingSince() {
        return waitingSince;
    }

    public boolean accepted() {
        return acceptedAt != null;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /** The fleet summed up the conversation for the agent who takes it over; a later handoff's summary replaces it. */
    public void summarised(String summary) {
        handoffSummary = summary;
    }

    public String handoffSummary() {
        return handoffSummary;
    }

    /** Whether routing may offer the conversation to this agent: not to the one who just let it lapse. */
    public boolean mayBeOfferedTo(String agentId) {
        return !agentId.equals(lapsedBy);
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
