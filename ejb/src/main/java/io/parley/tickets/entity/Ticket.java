package io.parley.tickets.entity;

import io.parley.platform.entity.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/** A message a visitor left with the offline form: who they are, how to reach them, and the chat it came from (if any). */
@Entity
@Table(name = "tickets")
@NamedQuery(name = Ticket.OF_VISITOR, query = "SELECT t FROM Ticket t WHERE t.sessionId = :sessionId OR t.email = :email ORDER BY t.createdAt DESC, t.id DESC")
public class Ticket {

    /** A visitor's tickets: left from the conversation {@code :sessionId}, or with the address {@code :email}. */
    public static final String OF_VISITOR = "Ticket.ofVisitor";

    @Id
    private String id;

    private String name;

    /** Normalised: trimmed, lower case. */
    private String email;

    @Column(name = "body")
    private String message;

    /** The conversation the visitor left it from, or null. */
    @Column(name = "session_id")
    private String sessionId;

    @Enumerated(EnumType.STRING)
    private TicketStatus status;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected Ticket() {
    }

    public Ticket(String name, String email, String message, String sessionId) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.email = email;
        this.message = message;
        this.sessionId = sessionId;
        this.status = TicketStatus.OPEN;
        this.createdAt = UtcClock.now();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String message() {
        return message;
    }

    public String sessionId() {
        return sessionId;
    }

    public TicketStatus status() {
        return status;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}
