package io.parley.assistant.boundary;

import io.parley.assistant.entity.LlmConfig;
import io.parley.identity.boundary.AuditLog;
import io.parley.identity.entity.Actor;
import io.parley.platform.entity.Refusal;
import io.parley.secrets.boundary.Secrets;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The LLM fleet's configurations, as admins manage them: add, change, make one the primary, remove. API keys are
 * sealed before they are stored, never returned (an answer shows at most their last four characters) and never
 * written to the audit log. The first configuration becomes the primary.
 */
@Stateless
public class LlmFleet {

    static final int SHOWN_KEY_CHARACTERS = 4;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @EJB
    Secrets secrets;

    @Inject
    AuditLog audit;

    /** In the order they are tried: by priority, then age. */
    public List<Configured> list() {
        return em.createNamedQuery(LlmConfig.ALL, LlmConfig.class).getResultStream().map(this::configured).toList();
    }

    public long count() {
        return em.createNamedQuery(LlmConfig.COUNT, Long.class).getSingleResult();
    }

    /** A new configuration; {@code apiKey} may be absent (a local OpenAI-compatible server needs none). */
    public Configured add(Actor actor, LlmConfig.Settings settings, String apiKey) {
        LlmConfig config = new LlmConfig(settings, seal(apiKey));
        config.activate(count() == 0);
        em.persist(config);
        audit.record(actor, "llm-config.create", config.id(), describe(config) + (config.apiKeySealed() == null ? "" : ", with an API key"));
        return configured(config);
    }

    /** Changes a configuration; its API key changes only when {@code apiKey} is given (empty removes it). */
    public Configured change(Actor actor, String id, LlmConfig.Settings settings, String apiKey) {
        LlmConfig config = find(id);
        config.change(settings);
        if (apiKey != null) {
            config.replaceKey(seal(apiKey));
        }
        audit.record(actor, "llm-config.update", id, describe(config) + (apiKey == null ? "" : config.apiKeySealed() == null ? ", API key removed" : ", new API key"));
        return configured(config);
    }

    /** Makes the configuration the primary, and no other. */
    public Configured activate(Actor actor, String id) {
        LlmConfig primary = find(id);
        em.createNamedQuery(LlmConfig.ALL, LlmConfig.class).getResultList().forEach(config -> config.activate(config == primary));
        audit.record(actor, "llm-config.activate", id, describe(primary));
        return configured(primary);
    }

    public void remove(Actor actor, String id) {
        LlmConfig config = find(id);
        em.remove(config);
        audit.record(actor, "llm-config.delete", id, describe(config));
    }

    private LlmConfig find(String id) {
        LlmConfig config = id == null ? null : em.find(LlmConfig.class, id);
        if (config == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "There is no LLM configuration " + id);
        }
        return config;
    }

    private String seal(String apiKey) {
        return apiKey == null || apiKey.isBlank() ? null : secrets.seal(apiKey);
    }

    private Configured configured(LlmConfig config) {
        String sealed = config.apiKeySealed();
        if (sealed == null) {
            return new Configured(config, null);
        }
        String key = secrets.open(sealed);
        return new Configured(config, key.length() <= SHOWN_KEY_CHARACTERS * 2 ? null : key.substring(key.length() - SHOWN_KEY_CHARACTERS));
    }

    private static String describe(LlmConfig config) {
        return config.provider().wireName() + " " + config.model() + " priority " + config.priority()
                + (config.enabled() ? "" : " (disabled)");
    }

    /**
     * A configuration and the last four characters of its API key (null without a key, and for a key too short to
     * show any of it safely).
     */
    public record Configured(LlmConfig config, String apiKeyLast4) {
    }
}
