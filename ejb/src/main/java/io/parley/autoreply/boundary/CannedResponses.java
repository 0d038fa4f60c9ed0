package io.parley.autoreply.boundary;

import io.parley.autoreply.control.CannedWorkbook;
import io.parley.autoreply.control.ImportCheck;
import io.parley.autoreply.entity.CannedContent;
import io.parley.autoreply.entity.CannedResponse;
import io.parley.autoreply.entity.ImportPlan;
import io.parley.identity.boundary.AuditLog;
import io.parley.identity.entity.Actor;
import io.parley.platform.control.CriteriaPages;
import io.parley.platform.entity.Page;
import io.parley.platform.entity.Digests;
import io.parley.platform.entity.Refusal;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The canned responses as people manage them: listed (text, category and active filters), added, changed, removed,
 * imported from a workbook and exported to one. Every change is audited (an import as one entry with its counts), and
 * once it is committed the auto-reply engine reloads ({@link AutoReplies#reload}).
 */
@Stateless
public class CannedResponses {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Event<AutoReplies.Changed> changed;

    @Inject
    @ConfigProperty(name = "parley.autoreply.max-import-rows")
    int maxImportRows;

    /**
     * Oldest first, a response whose shortcut is {@code q} before all others; {@code q} finds text in the trigger, the
     * response or the shortcut, ignoring case. Each filter is optional.
     */
    public Page<CannedResponse> find(Filter filter, int page, int size) {
        String q = filter.q() == null || filter.q().isBlank() ? null : filter.q().strip().toLowerCase(Locale.ROOT);
        // "/refund" looks for the shortcut "refund"
        String shortcut = q == null ? null : CannedContent.shortcut(q);
        return CriteriaPages.page(em, CannedResponse.class, (cb, response) -> conditions(cb, response, filter, q, shortcut),
                (cb, response) -> shortcut == null ? List.of(cb.asc(response.get("createdAt")), cb.asc(response.get("id")))
                        : List.of(cb.asc(cb.selectCase().when(cb.equal(response.get("shortcut"), shortcut), 0).otherwise(1)),
                                cb.asc(response.get("createdAt")), cb.asc(response.get("id"))), page, size);
    }

    private static Predicate[] conditions(CriteriaBuilder cb, Root<CannedResponse> response, Filter filter, String q, String shortcut) {
        List<Predicate> conditions = new ArrayList<>();
        if (q != null) {
            String like = CriteriaPages.containing(q);
            List<Predicate> anywhere = new ArrayList<>(List.of(cb.like(cb.lower(response.get("trigger")), like),
                    cb.like(cb.lower(response.get("response")), like)));
            if (shortcut != null) {
                anywhere.add(cb.like(response.get("shortcut"), CriteriaPages.containing(shortcut)));
            }
            conditions.add(cb.or(anywhere.toArray(Predicate[]::new)));
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            conditions.add(cb.equal(response.get("category"), filter.category().strip()));
        }
        if (filter.active() != null) {
            conditions.add(cb.equal(response.get("active"), filter.active()));
        }
        return conditions.toArray(Predicate[]::new);
    }

    /** The categories in use, in order: what the console's filter offers. */
    public List<String> categories() {
        return em.createNamedQuery(CannedResponse.CATEGORIES, String.class).getResultList();
    }

    public CannedResponse add(Actor actor, CannedContent content) {
        requireFreeShortcut(content.shortcut(), null);
        CannedResponse response = new CannedResponse(UUID.randomUUID().toString(), content);
        em.persist(response);
        audit.record(actor, "canned-response.create", response.id(), describe(response));
        changed.fire(new AutoReplies.Changed());
        return response;
    }

    public CannedResponse change(Actor actor, String id, CannedContent content) {
        CannedResponse response = find(id);
        requireFreeShortcut(content.shortcut(), id);
        response.change(content);
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

    /** What importing this workbook would do; nothing is changed. */
    public ImportPlan preview(byte[] workbook) {
        return plan(workbook, Digests.sha256Hex(workbook));
    }

    /**
     * Imports the workbook previewed as {@code digest}, all its rows or none: checked again against what is stored now,
     * it is refused (409) if any row is, or if it is not the file that was previewed.
     */
    public ImportPlan importWorkbook(Actor actor, byte[] workbook, String digest) {
        // the cheap check first: another file is refused before it is read
        String actual = Digests.sha256Hex(workbook);
        if (!actual.equalsIgnoreCase(String.valueOf(digest))) {
            throw new Refusal(Refusal.Kind.CONFLICT, "not_previewed", "This is not the file that was previewed: preview it, then import it.");
        }
        ImportPlan plan = plan(workbook, actual);
        List<ImportPlan.Row> refused = plan.refused();
        if (!refused.isEmpty()) {
            ImportPlan.Row first = refused.get(0);
            throw new Refusal(Refusal.Kind.CONFLICT, "rows_refused", (refused.size() == 1 ? "1 row is" : refused.size() + " rows are")
                    + " refused (row " + first.sheet().number() + ": " + first.reasons().get(0) + "), so nothing was imported. "
                    + "Fix the file and import it again.");
        }
        Map<String, CannedResponse> updated = managed(plan.rows().stream().filter(row -> row.action() == ImportPlan.Action.UPDATE)
                .map(row -> row.target().id()).toList());
        for (ImportPlan.Row row : plan.rows()) {
            switch (row.action()) {
                case CREATE -> em.persist(new CannedResponse(UUID.randomUUID().toString(), row.content()));
                case UPDATE -> updated.get(row.target().id()).change(row.content());
                default -> {
                }
            }
        }
        audit.record(actor, "canned-response.import", plan.digest(), String.format(Locale.ROOT,
                "%d rows: %d created, %d updated, %d unchanged", plan.rows().size(), plan.count(ImportPlan.Action.CREATE),
                plan.count(ImportPlan.Action.UPDATE), plan.count(ImportPlan.Action.UNCHANGED)));
        changed.fire(new AutoReplies.Changed());
        return plan;
    }

    /** The responses with these ids, read to be changed: a thousand a query. */
    private Map<String, CannedResponse> managed(List<String> ids) {
        Map<String, CannedResponse> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            em.createNamedQuery(CannedResponse.BY_IDS, CannedResponse.class).setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .getResultList().forEach(response -> found.put(response.id(), response));
        }
        return found;
    }

    private ImportPlan plan(byte[] workbook, String digest) {
        return ImportCheck.plan(digest, CannedWorkbook.read(workbook, maxImportRows),
                em.createNamedQuery(CannedResponse.ALL, CannedResponse.class).getResultList());
    }

    /** An .xlsx with the headings and a sheet explaining them. */
    public byte[] template() {
        return CannedWorkbook.template();
    }

    /** Every canned response, oldest first, in the template's form: importing it again changes nothing. */
    public byte[] export() {
        return CannedWorkbook.export(em.createNamedQuery(CannedResponse.ALL, CannedResponse.class).getResultList());
    }

    private void requireFreeShortcut(String shortcut, String id) {
        if (shortcut == null) {
            return;
        }
        em.createNamedQuery(CannedResponse.BY_SHORTCUT, CannedResponse.class).setParameter("shortcut", shortcut).getResultList().stream()
                .filter(other -> !other.id().equals(id)).findFirst().ifPresent(other -> {
                    throw new Refusal(Refusal.Kind.CONFLICT, "shortcut_taken", "The shortcut /" + shortcut
                            + " is already the response to “" + other.trigger() + "”: choose another.");
                });
    }

    private CannedResponse find(String id) {
        CannedResponse response = id == null ? null : em.find(CannedResponse.class, id);
        if (response == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "There is no canned response " + id);
        }
        return response;
    }

    private static String describe(CannedResponse response) {
        return response.matchType().wireName() + " \"" + response.trigger() + "\""
                + (response.shortcut() == null ? "" : " /" + response.shortcut())
                + (response.category() == null ? "" : " [" + response.category() + "]") + (response.active() ? "" : " (inactive)");
    }

    /** Which responses to list: text in the trigger, response or shortcut; the category; active or not. All optional. */
    public record Filter(String q, String category, Boolean active) {
    }
}
