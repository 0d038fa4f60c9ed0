package io.parley.assistant.boundary;

import io.parley.assistant.control.Failover;
import io.parley.assistant.control.Prompt;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Checks one configuration of the fleet now — a short question asked without streaming, which proves the endpoint,
 * the key and the model all work — and keeps the outcome as its health. The provider is asked from here, not from
 * within the fleet's EJB: a provider's fault-tolerance timeout started inside an EJB invocation leaves Payara unable to
 * reset its context when the timeout's task comes due, two minutes later (an InvocationException or a
 * ClassCastException logged as SEVERE); see {@link AssistantThreads}.
 */
@ApplicationScoped
public class FleetChecks {

    static final Prompt CHECK = new Prompt("You are being checked: answer in one word.",
            List.of(new Prompt.Turn(Prompt.Role.USER, "Reply with the word OK.", List.of())));

    @EJB
    LlmFleet fleet;

    @Inject
    Failover failover;

    public LlmFleet.Configured check(String id) {
        fleet.recordHealth(List.of(failover.check(fleet.checkTarget(id), CHECK)));
        return fleet.get(id);
    }
}
