package io.parley.notifications.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.parley.conversations.entity.ChatSession;
import io.parley.identity.boundary.Accounts;
import io.parley.notifications.entity.Notification;
import io.parley.platform.control.Json;
import io.parley.push.boundary.Push;
import io.parley.push.boundary.ServerFrame;
import io.parley.routing.boundary.Routing;
import io.parley.routing.entity.AgentPresence;
import io.parley.routing.entity.AgentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Tells agents what concerns them: stores the notification and pushes it as {@code new_notification} to the
 * person's sockets — unless they turned desktop notifications off in their preferences; then it waits in the list.
 */
@ApplicationScoped
public class Notifier {

    @Inject
    Notifications notifications;

    @Inject
    Accounts accounts;

    @Inject
    Routing routing;

    @Inject
    Push push;

    public void assigned(ChatSession session) {
        deliver(List.of(notifications.tell(session.assignedAgentId(), Notification.Kind.ASSIGNED,
                "A conversation with " + visitorName(session) + " is yours now", session.id())));
    }

    /** Every online agent hears of a visitor asking for a person. */
    public void agentRequested(ChatSession session) {
        List<String> online = routing.everyone().stream().filter(p -> p.status() == AgentStatus.ONLINE).map(AgentPresence::userId).toList();
        if (!online.isEmpty()) {
            deliver(notifications.tellEach(online, Notification.Kind.AGENT_REQUEST, visitorName(session) + " asks for a person", session.id()));
        }
    }

    /** Pushes notifications already stored (in the transaction of what they tell about, now committed). */
    public void deliver(List<Notification> stored) {
        for (Notification notification : stored) {
            if (wantsThem(notification.userId())) {
                push.toUser(notification.userId(), ServerFrame.event("new_notification", Map.of("notification", NotificationView.of(notification))));
            }
        }
    }

    private boolean wantsThem(String userId) {
        try {
            return Json.mapper().readTree(accounts.get(userId).preferences()).path("desktopNotifications").asBoolean(true);
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    private static String visitorName(ChatSession session) {
        return session.visitor() != null && session.visitor().name() != null ? session.visitor().name() : "a visitor";
    }
}
