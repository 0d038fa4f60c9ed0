package io.parley.tickets.boundary;

import io.parley.conversations.boundary.Conversations;
import io.parley.conversations.entity.ChatSession;
import io.parley.identity.control.Emails;
import io.parley.notifications.boundary.Notifications;
import io.parley.notifications.entity.Notification;
import io.parley.platform.control.CriteriaPages;
import io.parley.platform.entity.Page;
import io.parley.platform.entity.Refusal;
import io.parley.tickets.entity.Ticket;
import io.parley.tickets.entity.TicketStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import java.util.List;

/**
 * The offline form's tickets: left by visitors (anonymously, optionally from the conversation whose token they hold),
 * listed for agents and admins. Every agent and admin is notified of a new ticket in the same transaction that stores it.
 */
@Stateless
public class Tickets {

    static final int OF_VISITOR_AT_MOST = 10;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @EJB
    Conversations conversations;

    @EJB
    Notifications notifications;

    /**
     * Stores the visitor's message, linked to their conversation when they name it with its token (an unknown session
     * and a wrong token are refused alike), and notifies everyone at the desk.
     * @throws Refusal (invalid) for an address that is not one, or a session id without its token (or the reverse)
     */
    public Ticket submit(Form form) {
        String email = Emails.normalize(form.email());
        if ((form.sessionId() == null) != (form.sessionToken() == null)) {
            throw new Refusal(Refusal.Kind.INVALID, "sessionId and sessionToken go together: give both or neither");
        }
        String sessionId = form.sessionId() == null ? null : conversations.held(form.sessionId(), form.sessionToken()).id();
        Ticket ticket = new Ticket(form.name(), email, form.message(), sessionId);
        em.persist(ticket);
        notifications.tellEveryone(Notification.Kind.TICKET, "Offline message from " + ticket.name(), sessionId);
        return ticket;
    }

    /**
     * The tickets of a conversation's visitor, newest first (at most {@value #OF_VISITOR_AT_MOST}): left from it, or with
     * the address the visitor gave in it.
     */
    public List<Ticket> ofVisitor(ChatSession session) {
        String email = session.visitor() == null || session.visitor().email() == null ? null : Emails.normalize(session.visitor().email());
        return em.createNamedQuery(Ticket.OF_VISITOR, Ticket.class).setParameter("sessionId", session.id())
                .setParameter("email", email).setMaxResults(OF_VISITOR_AT_MOST).getResultList();
    }

    /** Newest first; {@code status} null for every ticket. */
    public Page<Ticket> find(TicketStatus status, int page, int size) {
        return CriteriaPages.page(em, Ticket.class,
                (cb, ticket) -> status == null ? new Predicate[0] : new Predicate[] {cb.equal(ticket.get("status"), status)},
                (cb, ticket) -> List.of(cb.desc(ticket.get("createdAt")), cb.desc(ticket.get("id"))), page, size);
    }

    /** What a visitor writes in the offline form; the session's id and token together, or neither. */
    public record Form(String name, String email, String message, String sessionId, String sessionToken) {
    }

}
