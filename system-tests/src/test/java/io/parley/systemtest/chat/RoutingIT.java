package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.ParleyOnMariaDb;
import io.parley.systemtest.support.ParleyOnMariaDb.RunningParley;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Waiting conversations go to online agents with room, least-loaded first; the queue drains when room appears. */
@ExtendWith(ParleyOnMariaDb.class)
class RoutingIT {

    @Test
    void conversationsGoToOnlineAgentsWithRoomAndTheQueueDrainsWhenOneIsResolved(RunningParley parley) {
        Api api = parley.api();
        String admin = parley.adminToken();
        closeEverythingWaiting(api, admin);
        String[] ada = parley.newAgent("ada");
        String[] bob = parley.newAgent("bob");
        List<ChatClient> visitors = new ArrayList<>();
        try (ChatClient adaSocket = parley.agentSocket(ada[1]); ChatClient bobSocket = parley.agentSocket(bob[1])) {
            assertThat(api.call("PUT", "/api/agents/me/status", ada[1], Map.of("status", "online", "capacity", 1)).body().path("capacity").asInt()).isEqualTo(1);
            api.call("PUT", "/api/agents/me/status", bob[1], Map.of("status", "online", "capacity", 2));
            assertThat(api.call("PUT", "/api/agents/me/status", bob[1], Map.of("status", "asleep")).status()).isEqualTo(400);
            assertThat(api.call("PUT", "/api/agents/me/status", bob[1], Map.of("status", "online", "capacity", 0)).status()).isEqualTo(400);

            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                if (i == 4) {
                    pause();
                }
                ChatClient visitor = ChatClient.connect(parley.server().ws("/ws/chat"));
                visitors.add(visitor);
                sessions.add(visitor.startSession(Map.of("name", "Routed " + i)).path("sessionId").asText());
                visitor.request("request_agent", Map.of());
            }
            List<String> owners = sessions.stream().map(id -> owner(parley, id)).toList();
            assertThat(owners.subList(0, 3)).as("least-loaded: one each, then the one with room")
                    .containsExactlyInAnyOrder(ada[0], bob[0], bob[0]);
            assertThat(owners.get(2)).isEqualTo(bob[0]);
            assertThat(owners.subList(3, 5)).as("everyone is full: they wait").containsOnlyNulls();
            assertThat(status(parley, sessions.get(3))).isEqualTo("WAITING_AGENT");
            JsonNode desk = api.get("/api/agents", ada[1]).body();
            assertThat(desk).as("who is on the desk, with their load, as an agent transferring a conversation sees it")
                    .filteredOn(agent -> agent.path("userId").asText().equals(bob[0])).singleElement()
                    .satisfies(agent -> {
                        assertThat(agent.path("name").asText()).isNotBlank();
                        assertThat(agent.path("load").asLong()).isEqualTo(2);
                        assertThat(agent.path("capacity").asInt()).isEqualTo(2);
                    });
            assertThat(api.get("/api/agents/me/status", bob[1]).body().path("capacity").asInt()).as("one's own, as the header shows it").isEqualTo(2);
            assertThat(api.get("/api/agents/me/status", bob[1]).body().path("status").asText()).isEqualTo("online");
            pause();
            visitors.get(3).say("is anyone there?");
            JsonNode given = adaSocket.until("session_assigned", data -> data.path("session").path("assignedAgentId").asText().equals(ada[0]));
            assertThat(sessions).contains(given.path("session").path("id").asText());

            String adasSession = sessions.get(owners.indexOf(ada[0]));
            api.call("PUT", "/api/admin/sessions/" + adasSession + "/close", ada[1], null);
            assertThat(owner(parley, sessions.get(3))).as("the freed place takes the longest waiting conversation, however recently its visitor wrote").isEqualTo(ada[0]);
            assertThat(owner(parley, sessions.get(4))).isNull();
            assertThat(adaSocket.until("session_assigned", data -> data.path("session").path("id").asText().equals(sessions.get(3)))).isNotNull();
            assertThat(parley.database().count("SELECT COUNT(*) FROM agent_presence WHERE status = 'ONLINE' AND user_id IN (?, ?)", ada[0], bob[0])).isEqualTo(2);
        } finally {
            api.call("PUT", "/api/agents/me/status", ada[1], Map.of("status", "offline"));
            api.call("PUT", "/api/agents/me/status", bob[1], Map.of("status", "offline"));
            visitors.forEach(ChatClient::close);
        }
        parley.server().assertLogClean();
    }

    static void closeEverythingWaiting(Api api, String admin) {
        api.get("/api/admin/sessions?status=waiting_agent&size=200", admin).body().path("items")
                .forEach(session -> api.call("PUT", "/api/admin/sessions/" + session.path("id").asText() + "/close", admin, null));
    }

    /** Lets a second pass: on MariaDB, times are kept to the second (docs/operations.md), and "later" must be later. */
    static void pause() {
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String owner(RunningParley parley, String sessionId) {
        return (String) parley.database().query("SELECT assigned_agent_id FROM chat_sessions WHERE id = ?", sessionId).get(0).get("assigned_agent_id");
    }

    private static String status(RunningParley parley, String sessionId) {
        return (String) parley.database().query("SELECT status FROM chat_sessions WHERE id = ?", sessionId).get(0).get("status");
    }
}
