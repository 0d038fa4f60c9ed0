package io.parley.identity.entity;

import io.parley.platform.entity.Texts;
import io.parley.platform.entity.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/** What an admin did, to what, when and from where. Written once; there is no way to change or delete it. */
@Entity
@Table(name = "audit_log")
@NamedQuery(name = AuditEntry.ACTIONS, query = "SELECT DISTINCT e.action FROM AuditEntry e ORDER BY e.action")
public class AuditEntry {

    public static final String ACTIONS = "AuditEntry.actions";
    /** The longest detail the log keeps (its column's length). */
    static final int MAX_DETAIL = 1000;

    @Id
    private String id;

    @Column(name = "actor_id")
    private String actorId;

    @Column(name = "actor_email")
    private String actorEmail;

    private String action;

    private String target;

    private String detail;

    @Column(name = "client_address")
    private String clientAddress;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected AuditEntry() {
    }

    public AuditEntry(Actor actor, String action, String target, String detail) {
        this.id = UUID.randomUUID().toString();
        this.actorId = actor.userId();
        this.actorEmail = actor.email();
        this.clientAddress = actor.clientAddress();
        this.action = action;
        this.target = target;
        // the column's length: a long list (every closed date, the whole fleet) is cut, never refused
        this.detail = Texts.cut(detail, MAX_DETAIL);
        this.createdAt = UtcClock.now();
    }

    public String id() {
        return id;
    }

    public String actorId() {
        return actorId;
    }

    public String actorEmail() {
        return actorEmail;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String detail() {
        return detail;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}
