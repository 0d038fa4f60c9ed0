package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.ParleyOnMariaDb;
import io.parley.systemtest.support.ParleyOnMariaDb.RunningParley;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Agents are told of requests, assignments and transfers, live and in a list; a preference silences the live part. */
@ExtendWith(ParleyOnMariaDb.class)
class NotificationsIT {

    @Test
    void assignmentsRequestsAndTransfersAreStoredAndPushedAsEachPersonWants(RunningParley parley) {
        Api api = parley.api();
        String admin = parley.adminToken();
        RoutingIT.closeEverythingWaiting(api, admin);
        String[] ada = parley.newAgent("ada");
        String[] bob = parley.newAgent("bob");
        api.call("PATCH", "/api/me/prefs", bob[1], Map.of("desktopNotifications", false));
        try (ChatClient adaSocket = parley.agentSocket(ada[1]); ChatClient bobSocket = parley.agentSocket(bob[1]);
             ChatClient visitor = ChatClient.connect(parley.server().ws("/ws/chat"));
             ChatClient other = ChatClient.connect(parley.server().ws("/ws/chat"))) {
            api.call("PUT", "/api/agents/me/status", ada[1], Map.of("status", "online"));
            String sessionId = visitor.startSession(Map.of("name", "Notified Nora")).path("sessionId").asText();
            visitor.request("request_agent", Map.of());

            JsonNode request = adaSocket.until("new_notification", data -> data.path("notification").path("kind").asText().equals("agent_request"));
            assertThat(request.path("notification").path("text").asText()).contains("Notified Nora");
            assertThat(adaSocket.until("new_notification", data -> data.path("notification").path("kind").asText().equals("assigned"))
                    .path("notification").path("sessionId").asText()).isEqualTo(sessionId);

            api.call("PUT", "/api/admin/sessions/" + sessionId + "/assign", ada[1], Map.of("agentId", bob[0]));
            assertThat(bobSocket.until("new_notification", data -> data.path("notification").path("kind").asText().equals("assigned")))
                    .as("bob turned browser notifications off: his console still hears of it").isNotNull();
            JsonNode bobs = api.get("/api/notifications", bob[1]).body();
            assertThat(bobs.path("total").asLong()).isEqualTo(1);
            String bobsNotification = bobs.path("items").get(0).path("id").asText();
            assertThat(bobs.path("items").get(0).path("read").asBoolean()).isFalse();

            assertThat(api.get("/api/notifications/unread", bob[1]).body().path("count").asLong()).isEqualTo(1);
            long adasUnread = api.get("/api/notifications/unread", ada[1]).body().path("count").asLong();

            assertThat(api.call("PATCH", "/api/notifications/" + bobsNotification + "/read", ada[1], null).status()).as("not ada's").isEqualTo(404);
            assertThat(api.call("PATCH", "/api/notifications/" + bobsNotification + "/read", bob[1], null).body().path("read").asBoolean()).isTrue();
            assertThat(api.get("/api/notifications/unread", bob[1]).body().path("count").asLong()).isZero();
            assertThat(api.get("/api/notifications/unread", ada[1]).body().path("count").asLong()).as("each counts their own").isEqualTo(adasUnread);
            String unassigned = other.startSession(Map.of("name", "Taken Tom")).path("sessionId").asText();
            assertThat(api.call("PUT", "/api/admin/sessions/" + unassigned + "/assign", ada[1], Map.of("agentId", ada[0])).status()).isEqualTo(200);
            assertThat(api.get("/api/notifications", ada[1]).body().path("items")).extracting(n -> n.path("kind").asText())
                    .as("taking a conversation oneself is news to nobody").containsExactlyInAnyOrder("agent_request", "assigned");
        } finally {
            api.call("PUT", "/api/agents/me/status", ada[1], Map.of("status", "offline"));
        }
        parley.server().assertLogClean();
    }
}
