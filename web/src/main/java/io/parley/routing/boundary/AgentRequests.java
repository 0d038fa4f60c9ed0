package io.parley.routing.boundary;

import io.parley.conversations.boundary.SessionView;
import io.parley.conversations.boundary.WireMessage;
import io.parley.notifications.boundary.Notifier;
import io.parley.push.boundary.Push;
import io.parley.push.boundary.ServerFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conversation goes to the agents — because the visitor pressed the button, or the assistant found they should
 * have a person — and everyone concerned hears of it: the visitor gets the notice with their countdown (and the
 * offline form when nobody can come now), the agents the request, and whoever got it at once the assignment.
 */
@ApplicationScoped
public class AgentRequests {

    /** The visitor pressed "Connect to an agent". */
    public static final String VISITOR_REQUEST = "visitor_request";

    @Inject
    Routing routing;

    @Inject
    Push push;

    @Inject
    Notifier notifier;

    @Inject
    Assignments assignments;

    /** @return what the visitor's {@code request_agent} is acknowledged with: the status, countdown and why not, if not */
    public Map<String, Object> request(String sessionId, String reason) {
        Routing.Request request = routing.request(sessionId, reason);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sessionId", sessionId);
        answer.put("status", request.notice().isPresent() ? request.session().status().wireName() : "unchanged");
        request.secondsLeft().ifPresent(seconds -> answer.put("waitSeconds", seconds));
        request.unavailable().ifPresent(why -> answer.put("reason", why.wireName()));
        request.notice().ifPresent(notice -> {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("offers", request.unavailable().isPresent() ? List.of("offline_form") : List.of());
            request.secondsLeft().ifPresent(seconds -> shown.put("waitSeconds", seconds));
            request.unavailable().ifPresent(why -> shown.put("reason", why.wireName()));
            push.notice(WireMessage.of(notice.message()), shown);
        });
        if (request.queued()) {
            push.toAgents(sessionId, ServerFrame.event("agent_request", Map.of("session", SessionView.of(request.session()), "reason", reason)));
            notifier.agentRequested(request.session());
            assignments.announce(request.assigned().stream().toList());
        }
        return answer;
    }
}
