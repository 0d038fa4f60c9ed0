package io.parley.autoreply.boundary;

import io.parley.autoreply.control.AutoReplyMatcher;
import io.parley.autoreply.entity.CannedResponse;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

/**
 * The auto-reply engine: the active canned responses held in memory, so that matching a message
 * costs no database round-trip. {@link #reload()} swaps in a fresh index after the responses change — on this node;
 * the other nodes of a cluster load theirs at start (cluster-wide reload comes with the push component's fan-out).
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AutoReplies {

    private static final Logger LOG = System.getLogger(AutoReplies.class.getName());

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    private volatile AutoReplyMatcher matcher = new AutoReplyMatcher(List.of());

    /** Reloads once a change of the canned responses is committed (a rolled-back change leaves the engine as it was). */
    public void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        reload();
    }

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void reload() {
        List<CannedResponse> active = em.createNamedQuery(CannedResponse.ACTIVE, CannedResponse.class).getResultList();
        matcher = new AutoReplyMatcher(active);
        LOG.log(Level.INFO, "Auto-reply engine holds {0} active canned responses", active.size());
    }

    public Optional<CannedResponse> match(String message) {
        return matcher.match(message);
    }

    /** The canned responses changed. */
    public record Changed() {
    }
}
