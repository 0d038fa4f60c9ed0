package io.parley.assistant.boundary;

import io.parley.assistant.control.Attempt;
import io.parley.assistant.control.Target;
import io.parley.assistant.entity.LlmConfig;
import io.parley.assistant.entity.Outcome;
import io.parley.identity.boundary.AuditLog;
import io.parley.identity.entity.Actor;
import io.parley.platform.entity.Refusal;
import io.parley.secrets.boundary.Secrets;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The LLM fleet's configurations, as admins manage them: add, change, put in the order they are tried, make one the
 * primary, remove. The primary is the first enabled configuration in that order — the one asked first — and making one
 * the primary moves it to the front. API keys are sealed before they are stored, never returned (an answer shows at
 * most their last four characters) and never written to the audit log.
 */
@Stateless
public class LlmFleet {

    static final int SHOWN_KEY_CHARACTERS = 4;
    /** The highest priority a configuration may have (the lowest in the order). */
    public static final int MAX_PRIORITY = 1000;
    static final String UNREADABLE_KEY = "Its API key cannot be opened (damaged, or sealed with another master key): enter it again";

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @EJB
    Secrets secrets;

    @Inject
    AuditLog audit;

    /** In the order they are tried: by priority, then age. */
    public List<Configured> list() {
        List<LlmConfig> all = all();
        String primary = primaryOf(all);
        return all.stream().map(config -> configured(config, primary)).toList();
    }

    public long count() {
        return em.createNamedQuery(LlmConfig.COUNT, Long.class).getSingleResult();
    }

    /**
     * A new configuration, tried after the others unless its settings name a priority; {@code apiKey} may be absent (a
     * local OpenAI-compatible server needs none).
     */
    public Configured add(Actor actor, LlmConfig.Settings settings, String apiKey) {
        List<LlmConfig> all = all();
        LlmConfig config = new LlmConfig(settings.priority() != null ? settings
                : settings.at(all.isEmpty() ? 0 : Math.min(MAX_PRIORITY, all.get(all.size() - 1).priority() + 1)), seal(apiKey));
        em.persist(config);
        audit.record(actor, "llm-config.create", config.id(), describe(config) + (config.apiKeySealed() == null ? "" : ", with an API key"));
        return get(config.id());
    }

    /**
     * Changes a configuration; its API key changes only when {@code apiKey} is given (empty removes it). A stored key
     * never follows the configuration to another provider or address: such a change without a new key removes it, so
     * that whoever can edit the fleet cannot have the key sent to a host of their choosing.
     */
    public Configured change(Actor actor, String id, LlmConfig.Settings settings, String apiKey) {
        LlmConfig config = find(id);
        boolean keyLeftBehind = apiKey == null && config.apiKeySealed() != null && config.leadsElsewhere(settings);
        config.change(settings);
        if (apiKey != null || keyLeftBehind) {
            config.replaceKey(keyLeftBehind ? null : seal(apiKey));
        }
        audit.record(actor, "llm-config.update", id, describe(config) + (keyLeftBehind ? ", API key removed: it does not follow to another host"
                : apiKey == null ? "" : config.apiKeySealed() == null ? ", API key removed" : ", new API key"));
        return get(id);
    }

    /**
     * Puts the configurations in the order they are to be tried, the first first; {@code ids} must name each of them
     * once, so that an order chosen on an out-of-date list changes nothing.
     * @throws Refusal (conflict) when {@code ids} are not exactly the fleet's configurations
     */
    public List<Configured> order(Actor actor, List<String> ids) {
        List<LlmConfig> all = all();
        Map<String, LlmConfig> byId = all.stream().collect(Collectors.toMap(LlmConfig::id, Function.identity()));
        if (ids.size() != all.size() || !byId.keySet().equals(Set.copyOf(ids))) {
            throw new Refusal(Refusal.Kind.CONFLICT, "The LLM fleet has changed meanwhile: reload the list and order it again");
        }
        List<LlmConfig> ordered = ids.stream().map(byId::get).toList();
        placeInOrder(ordered);
        audit.record(actor, "llm-config.order", "fleet", ordered.stream().map(LlmFleet::describe).collect(Collectors.joining("; ")));
        return list();
    }

    /**
     * Makes the configuration the primary: it moves to the front of the order, the others keep theirs behind it.
     * @throws Refusal (conflict) when it is disabled: a disabled configuration is never asked
     */
    public Configured activate(Actor actor, String id) {
        LlmConfig primary = find(id);
        if (!primary.enabled()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "This configuration is disabled: enable it before making it the primary");
        }
        List<LlmConfig> ordered = new ArrayList<>(List.of(primary));
        all().stream().filter(config -> config != primary).forEach(ordered::add);
        placeInOrder(ordered);
        audit.record(actor, "llm-config.activate", id, describe(primary));
        return get(id);
    }

    /** Priorities 0, 1, 2, ... in this order (within the allowed range). */
    private static void placeInOrder(List<LlmConfig> ordered) {
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).placeAt(Math.min(MAX_PRIORITY, i));
        }
    }

    public void remove(Actor actor, String id) {
        LlmConfig config = find(id);
        em.remove(config);
        audit.record(actor, "llm-config.delete", id, describe(config));
    }

    /**
     * The enabled configurations in the order they are asked (the primary is the first), each with its key opened and
     * {@code deadline} as the time by which its first words must have come. A configuration whose key cannot be opened
     * is left out, so that the others still answer, and its health says why.
     */
    public List<Target> targets(Instant deadline) {
        return all().stream()
                .filter(LlmConfig::enabled)
                .flatMap(config -> askable(config, deadline).stream())
                .toList();
    }

    /** Keeps the outcome of the last call to each configuration as its health status. */
    public void recordHealth(List<Attempt> attempts) {
        attempts.forEach(attempt -> {
            LlmConfig config = em.find(LlmConfig.class, attempt.target().configId());
            if (config != null) {
                config.checked(attempt.outcome(), attempt.latencyMs(), attempt.error());
            }
        });
    }

    /** What checking one configuration asks of its provider: where, with which key, by when ({@link FleetChecks}). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Target checkTarget(String id) {
        LlmConfig config = find(id);
        String apiKey = config.apiKeySealed() == null ? null : secrets.open(config.apiKeySealed());
        return target(config, apiKey, Instant.now().plusMillis(config.timeoutMs()));
    }

    public Configured get(String id) {
        return configured(find(id), primaryOf(all()));
    }

    private List<LlmConfig> all() {
        return em.createNamedQuery(LlmConfig.ALL, LlmConfig.class).getResultList();
    }

    /** The id of the configuration asked first: the first enabled one (null when none is). */
    private static String primaryOf(List<LlmConfig> ordered) {
        return ordered.stream().filter(LlmConfig::enabled).map(LlmConfig::id).findFirst().orElse(null);
    }

    private Optional<Target> askable(LlmConfig config, Instant deadline) {
        if (config.apiKeySealed() == null) {
            return Optional.of(target(config, null, deadline));
        }
        Optional<String> apiKey = secrets.openIfPossible(config.apiKeySealed(), "The API key of LLM configuration " + config.id());
        if (apiKey.isEmpty()) {
            config.checked(Outcome.REFUSED, 0, UNREADABLE_KEY);
        }
        return apiKey.map(key -> target(config, key, deadline));
    }

    private Target target(LlmConfig config, String apiKey, Instant deadline) {
        return new Target(config.id(), config.provider(), config.model(), URI.create(config.endpoint()), apiKey,
                Duration.ofMillis(config.timeoutMs()), deadline);
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

    private Configured configured(LlmConfig config, String primaryId) {
        boolean primary = config.id().equals(primaryId);
        String sealed = config.apiKeySealed();
        if (sealed == null) {
            return new Configured(config, null, primary);
        }
        return new Configured(config, secrets.openIfPossible(sealed, "The API key of LLM configuration " + config.id())
                .filter(key -> key.length() > SHOWN_KEY_CHARACTERS * 2)
                .map(key -> key.substring(key.length() - SHOWN_KEY_CHARACTERS))
                .orElse(null), primary);
    }

    private static String describe(LlmConfig config) {
        return config.provider().wireName() + " " + config.model() + " priority " + config.priority()
                + (config.enabled() ? "" : " (disabled)");
    }

    /**
     * A configuration, the last four characters of its API key (null without a key, and for a key too short to show
     * any of it safely), and whether it is the primary (the first enabled one, asked first).
     */
    public record Configured(LlmConfig config, String apiKeyLast4, boolean primary) {
    }
}
