package io.parley.routing.boundary;

import io.parley.conversations.boundary.SessionView;
import io.parley.conversations.boundary.WireMessage;
import io.parley.conversations.control.Transcript.Appended;
import io.parley.push.boundary.Push;
import io.parley.push.boundary.ServerFrame;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The routing's two clocks, every five seconds: assignments nobody took up move on, and visitors whose countdown ran
 * out get the assistant back and the offline form offered. Each step commits on its own before anyone is told.
 * Every node of a cluster runs it; the row locks in {@link Routing} make that harmless.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RoutingClock {

    @Inject
    Routing routing;

    @Inject
    Assignments assignments;

    @Inject
    Push push;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    public void tick() {
        for (Routing.Lapse lapse : routing.lapseUnaccepted()) {
            String sessionId = lapse.session().id();
            push.toUser(lapse.formerAgentId(), ServerFrame.event("assignment_lapsed", Map.of("sessionId", sessionId, "status", "away")));
            push.toAgents(sessionId, ServerFrame.event("session_update", Map.of("session", SessionView.of(lapse.session()))));
            assignments.announce(lapse.reassigned().stream().toList());
        }
        for (Appended ended : routing.endLongWaits()) {
            WireMessage message = WireMessage.of(ended.message());
            push.notice(message, Map.of("offers", List.of("offline_form"), "reason", "no_agent_answered"));
            push.toAgents(message.sessionId(), ServerFrame.event("session_update", Map.of("session", SessionView.of(ended.session()))));
        }
    }
}
