package io.parley.assistant.boundary;

import io.parley.routing.entity.AgentRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * A summary at handoff: when a visitor who talked to the assistant asks for a person (or the assistant hands them
 * over), the fleet is asked — with failover, on the assistant's threads, once the request committed — what the visitor
 * wants and what the assistant already told them; the answer is stored on the session and shown to the agents
 * ({@code session_update}). Without a model, or when every provider fails, there is no summary and nothing else
 * changes: the conversation reaches the agents as it would anyway.
 */
@ApplicationScoped
public class HandoffSummaries {

    private static final Logger LOG = System.getLogger(HandoffSummaries.class.getName());

    @Inject
    Assistant assistant;

    @Inject
    AssistantThreads threads;

    void requested(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentRequested request) {
        String sessionId = request.session().id();
        threads.execute(() -> summarise(sessionId));
    }

    private void summarise(String sessionId) {
        try {
            assistant.summaryQuestion(sessionId)
                    .ifPresent(question -> assistant.recordSummary(sessionId, assistant.generate(question, null)));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "The summary at handoff of session " + sessionId + " failed", e);
        }
    }
}
