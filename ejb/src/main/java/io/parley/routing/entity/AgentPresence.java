package io.parley.routing.entity;

import io.parley.platform.entity.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.LocalDateTime;

/** An agent's availability: status, how many conversations at once, when they were last given one. */
@Entity
@Table(name = "agent_presence")
// Ordered by user id: presence rows are locked in that order, after any session rows (Routing's lock order).
@NamedQuery(name = AgentPresence.ONLINE, query = "SELECT p FROM AgentPresence p WHERE p.status = io.parley.routing.entity.AgentStatus.ONLINE ORDER BY p.userId")
@NamedQuery(name = AgentPresence.ONLINE_OR, query = "SELECT p FROM AgentPresence p WHERE p.status = io.parley.routing.entity.AgentStatus.ONLINE OR p.userId = :userId ORDER BY p.userId")
@NamedQuery(name = AgentPresence.ALL_ACTIVE, query = "SELECT p, u.name FROM AgentPresence p, User u WHERE u.id = p.userId AND u.active = TRUE ORDER BY u.name, p.userId")
public class AgentPresence {

    public static final String ONLINE = "AgentPresence.online";
    public static final String ONLINE_OR = "AgentPresence.onlineOr";
    /** Every active person with a presence, by name, with the name: {@code [AgentPresence, String]}. */
    public static final String ALL_ACTIVE = "AgentPresence.allActive";

    @Id
    @Column(name = "user_id")
    private String userId;

    @Enumerated(EnumType.STRING)
    private AgentStatus status;

    private int capacity;

    @Column(name = "last_assigned_at")
    private LocalDateTime lastAssignedAt;

    /** When the current run of offers began: offers each made within the acceptance time of the one before. */
    @Column(name = "offer_run_since")
    private LocalDateTime offerRunSince;

    @Column(name = "offers_in_run")
    private int offersInRun;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    protected AgentPresence() {
    }

    public AgentPresence(String userId, int capacity) {
        this.userId = userId;
        this.status = AgentStatus.OFFLINE;
        this.capacity = capacity;
        this.updatedAt = UtcClock.now();
    }

    public void change(AgentStatus newStatus, Integer newCapacity) {
        status = newStatus;
        if (newCapacity != null) {
            capacity = newCapacity;
        }
        updatedAt = UtcClock.now();
    }

    /**
     * The agent was offered a conversation at {@code offeredAt}, to take up within {@code acceptTime}: an offer made
     * within that time of the one before continues the run of offers, any other starts one.
     */
    public void assigned(LocalDateTime offeredAt, Duration acceptTime) {
        if (lastAssignedAt == null || offerRunSince == null || !offeredAt.isBefore(lastAssignedAt.plus(acceptTime))) {
            offerRunSince = offeredAt;
            offersInRun = 0;
        }
        offersInRun++;
        lastAssignedAt = offeredAt;
    }

    /**
     * Whether an offer made at {@code offeredAt} that nobody took up shows the agent is away: unless it was one of a run
     * of several offers, which is the desk filling up at once (a rush, or a flood of requests), not the agent's absence.
     */
    public boolean awayIfLapsed(LocalDateTime offeredAt) {
        boolean inRunOfSeveral = offerRunSince != null && !offeredAt.isBefore(offerRunSince) && offersInRun > 1;
        return !inRunOfSeveral;
    }

    public String userId() {
        return userId;
    }

    public AgentStatus status() {
        return status;
    }

    public int capacity() {
        return capacity;
    }

    public LocalDateTime lastAssignedAt() {
        return lastAssignedAt;
    }
}
