package io.parley.assistant.boundary;

import io.parley.assistant.entity.LlmConfig;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Checks every enabled configuration of the fleet every five minutes (a cheap call to its provider), so that the
 * console shows a broken key or an unreachable server before a visitor meets it. Answers update the health as well.
 * The checks run on the assistant's threads, outside the timer's own invocation ({@link FleetChecks} says why).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FleetHealth {

    private static final Logger LOG = System.getLogger(FleetHealth.class.getName());

    @EJB
    LlmFleet fleet;

    @Inject
    AssistantThreads threads;

    @Inject
    FleetChecks checks;

    @Schedule(minute = "*/5", hour = "*", persistent = false)
    public void checkAll() {
        threads.execute(this::checkEnabled);
    }

    private void checkEnabled() {
        for (LlmFleet.Configured configured : fleet.list()) {
            LlmConfig config = configured.config();
            if (config.enabled()) {
                LlmConfig checked = checks.check(config.id()).config();
                LOG.log(Level.DEBUG, "LLM configuration {0}: {1}", config.id(), checked.healthStatus());
            }
        }
    }
}
