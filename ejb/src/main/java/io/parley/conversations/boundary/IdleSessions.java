package io.parley.conversations.boundary;

import io.parley.conversations.control.SessionExpiry;
import io.parley.conversations.entity.ChatSession;
import io.parley.conversations.entity.SessionEnded;
import io.parley.conversations.entity.SessionStatus;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.EnumSet;
import java.util.List;

/**
 * Closes sessions nobody touched for the timeout, once a minute, so the inbox shows them as over even if the visitor
 * never comes back; each ending is announced like every other ({@link SessionEnded}, {@code by: expiry}). Every node of
 * a cluster runs it; the row lock in {@link SessionExpiry} makes that harmless.
 */
@Singleton
public class IdleSessions {

    static final int AT_MOST_PER_RUN = 500;
    private static final Logger LOG = System.getLogger(IdleSessions.class.getName());

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    SessionExpiry expiry;

    @Inject
    Event<SessionEnded> ended;

    @Schedule(minute = "*", hour = "*", persistent = false)
    public void closeIdle() {
        List<String> idle = em.createNamedQuery(ChatSession.IDLE, String.class)
                .setParameter("open", EnumSet.of(SessionStatus.ACTIVE, SessionStatus.WAITING_AGENT, SessionStatus.ASSIGNED))
                .setParameter("cutoff", expiry.cutoff())
                .setMaxResults(AT_MOST_PER_RUN)
                .getResultList();
        idle.forEach(id -> expiry.expire(id).ifPresent(session -> ended.fire(new SessionEnded(session, SessionEnded.By.EXPIRY))));
        if (!idle.isEmpty()) {
            LOG.log(Level.INFO, "Closed {0} idle chat sessions", idle.size());
        }
    }
}
