package io.parley.autoreply.boundary;

import io.parley.autoreply.entity.CannedResponse;
import io.parley.autoreply.entity.MatchType;
import io.parley.identity.boundary.AuditLog;
import io.parley.identity.entity.Actor;
import io.parley.platform.control.CriteriaPages;
import io.parley.platform.entity.Page;
import io.parley.platform.entity.Refusal;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The canned responses as people manage them: listed (with a text filter), added, changed, removed; every change is
 * audited, and once it is committed the auto-reply engine reloads ({@link AutoReplies#reload}).
 */
@Stateless
public class CannedResponses {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Event<AutoReplies.Changed> changed;

    /** Oldest first; {@code q} finds text in the trigger or the response, ignoring case. */
    public Page<CannedResponse> find(String q, int page, int size) {
        return CriteriaPages.page(em, CannedResponse.class, (cb, response) -> q == null || q.isBlank() ? new Predicate[0]
                        : new Predicate[] {cb.or(
                                cb.like(cb.lower(response.get("trigger")), "%" + q.toLowerCase(Locale.ROOT) + "%"),
                                cb.like(cb.lower(response.get("response")), "%" + q.toLowerCase(Locale.ROOT) + "%"))},
                (cb, response) -> List.of(cb.asc(response.get("createdAt")), cb.asc(response.get("id"))), page, size);
    }

    public CannedResponse add(Actor actor, Content content) {
        CannedResponse response = new CannedResponse(UUID.randomUUID().toString(), content.trigger(), content.response(), content.matchType());
        response.change(content.trigger(), content.response(), content.matchType(), content.active());
        em.persist(response);
        audit.record(actor, "canned-response.create", response.id(), describe(response));
        changed.fire(new AutoReplies.Changed());
        return response;
    }

    public CannedResponse change(Actor actor, String id, Content content) {
        CannedResponse response = find(id);
        response.change(content.trigger(), content.response(), content.matchType(), content.active());
        audit.record(actor, "canned-response.update", id, describe(response));
        changed.fire(new AutoReplies.Changed());
        return response;
    }

    public void remove(Actor actor, String id) {
        CannedResponse response = find(id);
        em.remove(response);
        audit.record(actor, "canned-response.delete", id, describe(response));
        changed.fire(new AutoReplies.Changed());
    }

    private CannedResponse find(String id) {
        CannedResponse response = id == null ? null : em.find(CannedResponse.class, id);
        if (response == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "There is no canned response " + id);
        }
        return response;
    }

    private static String describe(CannedResponse response) {
        return response.matchType().wireName() + " \"" + response.trigger() + "\"" + (response.active() ? "" : " (inactive)");
    }

    /** What a canned response says and when. */
    public record Content(String trigger, String response, MatchType matchType, boolean active) {
    }
}
