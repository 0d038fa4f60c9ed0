package io.parley.autoreply.boundary;

import io.parley.autoreply.control.AutoReplyMatcher;
import io.parley.autoreply.entity.CannedResponse;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

/**
 * The auto-reply engine: the active canned responses held in memory, so that matching a message
 * costs no database round-trip. {@link #reload()} swaps in a fresh index after the responses change.
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

    @PostConstruct
    public void reload() {
        List<CannedResponse> active = em.createNamedQuery(CannedResponse.ACTIVE, CannedResponse.class).getResultList();
        matcher = new AutoReplyMatcher(active);
        LOG.log(Level.INFO, "Auto-reply engine holds {0} active canned responses", active.size());
    }

    public Optional<CannedResponse> match(String message) {
        return matcher.match(message);
    }
}
