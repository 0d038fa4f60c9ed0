package io.parley.routing.boundary;

import io.parley.conversations.boundary.SessionView;
import io.parley.conversations.entity.ChatSession;
import io.parley.notifications.boundary.Notifier;
import io.parley.push.boundary.Push;
import io.parley.push.boundary.ServerFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Tells everyone concerned about sessions just assigned (by routing or by hand): the agent who got one, and the inbox feed. */
@ApplicationScoped
public class Assignments {

    @Inject
    Push push;

    @Inject
    Notifier notifier;

    public void announce(List<ChatSession> assigned) {
        for (ChatSession session : assigned) {
            SessionView view = SessionView.of(session);
            push.toUser(session.assignedAgentId(), ServerFrame.event("session_assigned", Map.of("session", view)));
            push.toAgents(session.id(), ServerFrame.event("session_update", Map.of("session", view)));
            notifier.assigned(session);
        }
    }
}
