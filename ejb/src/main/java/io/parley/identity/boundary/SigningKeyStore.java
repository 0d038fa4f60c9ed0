package io.parley.identity.boundary;

import io.parley.identity.entity.Actor;
import io.parley.identity.entity.SigningKey;
import io.parley.platform.entity.UtcClock;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/** The signing keys in the database; each write in a transaction of its own, so a lost race is just a failed insert. */
@Stateless
public class SigningKeyStore {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @EJB
    AuditLog audit;

    /** Newest first: the first that {@link SigningKey#signsAt signs} now is the one that signs. */
    public List<SigningKey> all() {
        return em.createNamedQuery(SigningKey.ALL, SigningKey.class).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void add(SigningKey key) {
        em.persist(key);
        em.flush();
    }

    /**
     * Adds {@code next}; every key it replaces verifies until a token signed just before {@code next} takes over has
     * expired ({@code longestToken} and {@code clockSkew} later), and keys past that are dropped.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void rotate(Actor actor, SigningKey next, Duration longestToken, Duration clockSkew) {
        LocalDateTime until = next.signsFrom().plus(longestToken).plus(clockSkew);
        all().forEach(key -> key.replacedUntil(until));
        int dropped = em.createNamedQuery(SigningKey.EXPIRED).setParameter("now", UtcClock.now()).executeUpdate();
        em.persist(next);
        audit.record(actor, "signing-key.rotate", next.id(), "signs from " + next.signsFrom() + " UTC; the keys before it verify until "
                + until + " UTC" + (dropped > 0 ? "; " + dropped + " expired key(s) dropped" : ""));
    }
}
