package io.parley.assistant.boundary;

import io.parley.assistant.entity.LlmConfig;
import io.parley.assistant.entity.Provider;
import io.parley.identity.entity.Actor;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * On a start with no LLM configuration yet, adds one for each of {@code GEMINI_API_KEY}, {@code OPENAI_API_KEY} and
 * {@code ANTHROPIC_API_KEY} that is set, with the default model of {@code parley.assistant.<provider>.default-model};
 * the first becomes the primary. Afterwards the fleet is the admins' to manage: the variables are not read again.
 */
@Startup
@Singleton
@DependsOn({"SchemaMigration", "Secrets"})
public class FleetSeed {

    private static final Logger LOG = System.getLogger(FleetSeed.class.getName());
    private static final Actor SYSTEM = new Actor(null, "system", null);
    static final int DEFAULT_TIMEOUT_MS = 15_000;

    @EJB
    LlmFleet fleet;

    @Inject
    Config config;

    @PostConstruct
    void seedOnFirstStart() {
        if (fleet.count() > 0) {
            return;
        }
        int priority = 0;
        for (Provider provider : new Provider[] {Provider.GEMINI, Provider.OPENAI, Provider.ANTHROPIC}) {
            Optional<String> key = config.getOptionalValue(provider.name() + "_API_KEY", String.class).filter(k -> !k.isBlank());
            if (key.isPresent()) {
                String model = config.getValue("parley.assistant." + provider.wireName() + ".default-model", String.class);
                try {
                    fleet.add(SYSTEM, new LlmConfig.Settings(provider, model, null, priority++, DEFAULT_TIMEOUT_MS, true), key.get());
                } catch (EJBException anotherNodeWasFirst) {
                    LOG.log(Level.INFO, "Another node seeded the LLM fleet");
                    return;
                }
                LOG.log(Level.INFO, "Added the LLM configuration {0} {1} from {2}_API_KEY", provider.wireName(), model, provider.name());
            }
        }
    }
}
