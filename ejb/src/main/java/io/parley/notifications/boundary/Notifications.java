package io.parley.notifications.boundary;

import io.parley.conversations.entity.Assigned;
import io.parley.conversations.entity.ChatSession;
import io.parley.identity.entity.User;
import io.parley.notifications.entity.Notification;
import io.parley.notifications.entity.NotificationCreated;
import io.parley.platform.entity.Page;
import io.parley.platform.entity.Refusal;
import io.parley.platform.entity.UtcClock;
import io.parley.routing.entity.AgentPresence;
import io.parley.routing.entity.AgentRequested;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores what agents are told and lets each read and mark their own; nobody sees another person's. The rules of who is
 * told what run inside the transaction of what they tell about: an agent is told of a conversation given to them, every
 * online agent of a visitor asking for a person, everyone of a ticket. A notification is announced
 * ({@link NotificationCreated}) once committed, unless its person turned desktop notifications off in their
 * preferences; then it waits in their list. Visitors asking for a person and tickets — what anyone on the internet can
 * cause — are coalesced: while a person has an unread one of the kind from the last
 * {@code parley.notifications.coalesce-seconds}, a new event updates it (its text, its session, its count) instead of
 * adding another, and is announced as that notification again.
 */
@Stateless
public class Notifications {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Event<NotificationCreated> created;

    @Inject
    @ConfigProperty(name = "parley.notifications.coalesce-seconds")
    int coalesceSeconds;

    public Notification tell(String userId, Notification.Kind kind, String text, String sessionId) {
        Optional<Notification> unread = kind.coalesces() ? em.createNamedQuery(Notification.UNREAD_OF_KIND, Notification.class)
                .setParameter("userId", userId).setParameter("kind", kind.name())
                .setParameter("since", UtcClock.now().minusSeconds(coalesceSeconds)).setMaxResults(1).getResultStream().findFirst()
                : Optional.empty();
        Notification notification = unread.orElseGet(() -> new Notification(userId, kind, text, sessionId));
        if (unread.isPresent()) {
            notification.again(text, sessionId);
        } else {
            em.persist(notification);
        }
        created.fire(new NotificationCreated(notification)); // to their own sockets; whether the browser shows it is theirs to say
        return notification;
    }

    /**
     * A conversation was given to an agent (by routing, by hand or by a transfer); not when they took it themselves (it
     * is then taken up at once), which they know of already.
     */
    public void assigned(@Observes Assigned assignment) {
        ChatSession session = assignment.session();
        if (session.accepted()) {
            return;
        }
        tell(session.assignedAgentId(), Notification.Kind.ASSIGNED, "A conversation with " + visitorName(session) + " is yours now", session.id());
    }

    /** Every online agent hears of a visitor asking for a person. */
    public void agentRequested(@Observes AgentRequested request) {
        List<String> online = em.createNamedQuery(AgentPresence.ONLINE, AgentPresence.class).getResultStream().map(AgentPresence::userId).toList();
        tellEach(online, Notification.Kind.AGENT_REQUEST, visitorName(request.session()) + " asks for a person", request.session().id());
    }

    /** The same notice for several people (every online agent hears of a visitor asking for a person). */
    public List<Notification> tellEach(List<String> userIds, Notification.Kind kind, String text, String sessionId) {
        return userIds.stream().map(userId -> tell(userId, kind, text, sessionId)).toList();
    }

    /** The same notice for every active person, agents and admins alike (a visitor left a message with the offline form). */
    public List<Notification> tellEveryone(Notification.Kind kind, String text, String sessionId) {
        return tellEach(em.createNamedQuery(User.ACTIVE, User.class).getResultStream().map(User::id).toList(), kind, text, sessionId);
    }

    public Page<Notification> mine(User user, int page, int size) {
        Page.requireValid(page, size);
        List<Notification> items = em.createNamedQuery(Notification.OF_USER, Notification.class).setParameter("userId", user.id())
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createNamedQuery(Notification.COUNT_OF_USER, Long.class).setParameter("userId", user.id()).getSingleResult();
        return new Page<>(items, total, page, size);
    }

    /** How many of the person's notifications they have not read, all of them, for the bell. */
    public long unread(User user) {
        return em.createNamedQuery(Notification.UNREAD_COUNT_OF_USER, Long.class).setParameter("userId", user.id()).getSingleResult();
    }

    private static String visitorName(ChatSession session) {
        return session.visitor() != null && session.visitor().name() != null ? session.visitor().name() : "a visitor";
    }

    public Notification markRead(User user, String notificationId) {
        Notification notification = notificationId == null ? null : em.find(Notification.class, notificationId);
        if (notification == null || !notification.userId().equals(user.id())) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "There is no notification " + notificationId + " for you");
        }
        notification.markRead();
        return notification;
    }
}
