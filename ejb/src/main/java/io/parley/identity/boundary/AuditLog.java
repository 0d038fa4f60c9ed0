package io.parley.identity.boundary;

import io.parley.identity.entity.Actor;
import io.parley.identity.entity.AuditEntry;
import io.parley.identity.entity.User;
import io.parley.platform.control.CriteriaPages;
import io.parley.platform.entity.Page;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The record of what admins did. Entries are written in the transaction of the action they describe, so an action
 * that fails leaves no entry and one that succeeds always has one. Read-only for everybody else.
 */
@Stateless
public class AuditLog {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    public void record(Actor actor, String action, String target, String detail) {
        em.persist(new AuditEntry(actor, action, target, detail));
    }

    /** The actions the log holds entries of, in alphabetical order: what it can be filtered by. */
    public List<String> actions() {
        return em.createNamedQuery(AuditEntry.ACTIONS, String.class).getResultList();
    }

    /** Newest first, each with the name of the person it is about, if it is about one; every filter is optional. */
    public Page<Listed> find(Filter filter, int page, int size) {
        Page<AuditEntry> entries = CriteriaPages.page(em, AuditEntry.class, (cb, entry) -> conditions(cb, entry, filter),
                (cb, entry) -> List.of(cb.desc(entry.get("createdAt")), cb.desc(entry.get("id"))), page, size);
        Set<String> targets = entries.items().stream().map(AuditEntry::target).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> names = targets.isEmpty() ? Map.of() : em.createNamedQuery(User.NAMES, Object[].class)
                .setParameter("ids", targets).getResultStream().collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
        return entries.map(entry -> new Listed(entry, names.get(entry.target())));
    }

    private static Predicate[] conditions(CriteriaBuilder cb, Root<AuditEntry> entry, Filter filter) {
        List<Predicate> conditions = new ArrayList<>();
        if (filter.action() != null) {
            conditions.add(cb.equal(entry.get("action"), filter.action()));
        }
        if (filter.actorId() != null) {
            conditions.add(cb.equal(entry.get("actorId"), filter.actorId()));
        }
        if (filter.from() != null) {
            conditions.add(cb.greaterThanOrEqualTo(entry.get("createdAt"), filter.from()));
        }
        if (filter.to() != null) {
            conditions.add(cb.lessThan(entry.get("createdAt"), filter.to()));
        }
        return conditions.toArray(Predicate[]::new);
    }

    /** An entry, and the name of the person it is about ({@code null} when its target is not a person: a setting, a configuration). */
    public record Listed(AuditEntry entry, String targetName) {
    }

    /** Which entries to list: by action, by actor, in a time range [from, to) in UTC. */
    public record Filter(String action, String actorId, LocalDateTime from, LocalDateTime to) {
    }
}
