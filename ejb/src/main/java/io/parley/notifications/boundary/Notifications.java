package io.parley.notifications.boundary;

import io.parley.identity.entity.User;
import io.parley.notifications.entity.Notification;
import io.parley.platform.entity.Page;
import io.parley.platform.entity.Refusal;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Stores what agents are told and lets each read and mark their own; nobody sees another person's. */
@Stateless
public class Notifications {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    public Notification tell(String userId, Notification.Kind kind, String text, String sessionId) {
        Notification notification = new Notification(userId, kind, text, sessionId);
        em.persist(notification);
        return notification;
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

    public Notification markRead(User user, String notificationId) {
        Notification notification = notificationId == null ? null : em.find(Notification.class, notificationId);
        if (notification == null || !notification.userId().equals(user.id())) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "There is no notification " + notificationId + " for you");
        }
        notification.markRead();
        return notification;
    }
}
