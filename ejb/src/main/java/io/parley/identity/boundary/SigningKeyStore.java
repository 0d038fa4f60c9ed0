package io.parley.identity.boundary;

import io.parley.identity.entity.SigningKey;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The signing keys in the database; each write in a transaction of its own, so a lost race is just a failed insert. */
@Stateless
public class SigningKeyStore {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    public List<SigningKey> all() {
        return em.createNamedQuery(SigningKey.ALL, SigningKey.class).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void add(SigningKey key) {
        em.persist(key);
        em.flush();
    }
}
