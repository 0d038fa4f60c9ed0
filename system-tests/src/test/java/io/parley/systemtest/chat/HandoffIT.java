package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.OnTheSharedParley;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A conversation moves from the assistant to a person: queue, join, reply, notes, inbox, close — over both sockets and REST. */
class HandoffIT extends OnTheSharedParley {

    private static final Duration QUIET = Duration.ofMillis(700);

    @Test
    void aVisitorIsHandedToAnAgentWithoutLosingAMessageAndNotesNeverReachThem() {
        String[] ada = parley.newAgent("ada");
        String[] bob = parley.newAgent("bob");
        try (ChatClient agent = parley.agentSocket(ada[1]); ChatClient visitor = ChatClient.connect(parley.server().ws("/ws/chat"))) {
            agent.request("join_admin_feed", Map.of());
            JsonNode started = visitor.startSession(Map.of("name", "Grace Hopper", "email", "grace@navy.example"));
            String sessionId = started.path("sessionId").asText();
            visitor.say("hello");
            visitor.next("bot_message");
            agent.until("new_message", data -> data.path("message").path("seq").asLong() == 2 && data.path("message").path("sessionId").asText().equals(sessionId));

            JsonNode queued = visitor.request("request_agent", Map.of());
            assertThat(queued.path("status").asText()).isEqualTo("waiting_agent");
            assertThat(agent.until("agent_request", data -> data.path("session").path("id").asText().equals(sessionId))
                    .path("session").path("status").asText()).isEqualTo("waiting_agent");
            assertThat(visitor.request("request_agent", Map.of()).path("status").asText()).as("asking twice").isEqualTo("unchanged");

            visitor.say("my order is late");
            assertThat(visitor.drain(QUIET)).as("the assistant is quiet while the visitor waits for a person")
                    .noneMatch(frame -> frame.path("type").asText().equals("bot_message"));

            JsonNode joined = agent.request("join_session", Map.of("sessionId", sessionId, "afterSeq", 0));
            assertThat(joined.path("lastSeq").asLong()).as("looking at a conversation nobody owns does not take it").isEqualTo(4);
            JsonNode reply = agent.request("agent_message", Map.of("sessionId", sessionId, "text", "Hi Grace, I'm Ada.", "clientMsgId", "ada-1"));
            assertThat(reply.path("message").path("seq").asLong()).as("after the notice that Ada joined").isEqualTo(6);
            JsonNode notice = visitor.until("system_message", data -> data.path("event").asText().equals("agent_joined"));
            assertThat(notice.path("message").path("seq").asLong()).isEqualTo(5);
            JsonNode delivered = visitor.next("agent_message").path("data").path("message");
            assertThat(delivered.path("text").asText()).isEqualTo("Hi Grace, I'm Ada.");
            assertThat(delivered.path("agentId").asText()).isEqualTo(ada[0]);
            assertThat(agent.request("agent_message", Map.of("sessionId", sessionId, "text", "Hi Grace, I'm Ada.", "clientMsgId", "ada-1"))
                    .path("message").path("seq").asLong()).as("the same clientMsgId again").isEqualTo(6);

            agent.request("internal_note", Map.of("sessionId", sessionId, "text", "VIP customer, order 4711"));
            List<JsonNode> again = visitor.drain(QUIET);
            assertThat(again).as("sent again, the message is announced again as what it is, seq 6, for a visitor who may have missed it")
                    .filteredOn(frame -> frame.path("type").asText().equals("agent_message"))
                    .extracting(frame -> frame.path("data").path("message").path("seq").asLong()).containsOnly(6L);
            visitor.say("thanks!");
            List<JsonNode> toVisitor = visitor.drain(QUIET);
            assertThat(toVisitor).as("no note, no new message, no assistant while an agent owns the session")
                    .noneMatch(frame -> frame.toString().contains("VIP") || frame.path("type").asText().equals("bot_message")
                            || frame.path("type").asText().equals("agent_message"));
            assertThat(visitor.resume(sessionId, started.path("sessionToken").asText(), 0).path("messages"))
                    .extracting(m -> m.path("seq").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            assertThat(agent.until("new_message", data -> data.path("message").path("seq").asLong() == 7)
                    .path("message").path("text").asText()).isEqualTo("thanks!");
            assertThat(parley.database().count("SELECT COUNT(*) FROM internal_notes WHERE session_id = ?", sessionId)).isEqualTo(1);
            assertThat(parley.database().query("SELECT status, assigned_agent_id FROM chat_sessions WHERE id = ?", sessionId).get(0))
                    .containsEntry("status", "ASSIGNED").containsEntry("assigned_agent_id", ada[0]);

            try (ChatClient colleague = parley.agentSocket(admin)) {
                JsonNode seen = colleague.request("join_session", Map.of("sessionId", sessionId));
                assertThat(seen.path("lastSeq").asLong()).isEqualTo(7);
            }

            assertThat(ids(api.get("/api/admin/sessions?view=mine", ada[1]).body())).contains(sessionId);
            assertThat(ids(api.get("/api/admin/sessions?view=unassigned&size=200", bob[1]).body())).doesNotContain(sessionId);
            assertThat(api.get("/api/admin/sessions/" + sessionId, bob[1]).status()).as("another agent's session").isEqualTo(404);
            assertThat(ids(api.get("/api/admin/sessions?q=GRACE%20hopper&size=200", admin).body())).contains(sessionId);
            assertThat(api.get("/api/admin/sessions/" + sessionId + "/messages?afterSeq=4", ada[1]).body())
                    .extracting(m -> m.path("seq").asLong()).containsExactly(5L, 6L, 7L);
            assertThat(api.get("/api/admin/sessions?view=nonsense", ada[1]).status()).isEqualTo(400);

            assertThat(api.call("PUT", "/api/admin/sessions/" + sessionId + "/close", ada[1], null).body().path("status").asText())
                    .isEqualTo("resolved");
            assertThat(visitor.until("session_ended", data -> true).path("by").asText()).isEqualTo("agent");
            visitor.send("user_message", Map.of("text", "hello?", "clientMsgId", "late"), "late");
            assertThat(visitor.until("error", data -> true).path("code").asText()).isEqualTo("session_closed");
            visitor.send("resume", Map.of("sessionId", sessionId, "sessionToken", started.path("sessionToken").asText(), "afterSeq", 0), "back");
            assertThat(visitor.until("session_started", data -> true).path("expiredSessionId").asText())
                    .as("a resolved conversation is over: coming back starts a new one").isEqualTo(sessionId);
            assertThat(parley.database().query("SELECT from_status, to_status FROM session_transitions WHERE session_id = ? ORDER BY seq", sessionId))
                    .extracting(row -> row.get("from_status") + ">" + row.get("to_status"))
                    .containsExactly("ACTIVE>WAITING_AGENT", "WAITING_AGENT>ASSIGNED", "ASSIGNED>RESOLVED");
        }
    }

    @Test
    void anAgentTransfersASessionAndTheNewOwnerCanWriteWhileTheOldOneCannot() {
        String[] ada = parley.newAgent("ada");
        String[] bob = parley.newAgent("bob");
        try (ChatClient visitor = ChatClient.connect(parley.server().ws("/ws/chat"))) {
            String sessionId = visitor.startSession(Map.of()).path("sessionId").asText();
            visitor.request("request_agent", Map.of());
            assertThat(api.call("PUT", "/api/admin/sessions/" + sessionId + "/assign", ada[1], Map.of("agentId", ada[0])).status()).isEqualTo(200);
            assertThat(api.call("PUT", "/api/admin/sessions/" + sessionId + "/assign", ada[1], Map.of("agentId", bob[0])).body()
                    .path("assignedAgentId").asText()).isEqualTo(bob[0]);
            try (ChatClient old = parley.agentSocket(ada[1]); ChatClient owner = parley.agentSocket(bob[1])) {
                old.send("agent_message", Map.of("sessionId", sessionId, "text", "still me?", "clientMsgId", "x1"), "x1");
                assertThat(old.until("error", data -> true).path("code").asText()).isEqualTo("session_not_found");
                assertThat(owner.request("agent_message", Map.of("sessionId", sessionId, "text", "Bob here", "clientMsgId", "b1"))
                        .path("message").path("agentId").asText()).isEqualTo(bob[0]);
            }
            assertThat(api.call("PUT", "/api/admin/sessions/" + sessionId + "/assign", admin, Map.of("agentId", UUID.randomUUID().toString())).status())
                    .isEqualTo(400);
        }
    }

    @Test
    void aVisitorAndTwoAgentsWritingAtOnceGetOneGaplessSequence() throws Exception {
        String[] ada = parley.newAgent("ada");
        int perWriter = 15;
        try (ChatClient visitor = ChatClient.connect(parley.server().ws("/ws/chat"));
             ChatClient first = parley.agentSocket(ada[1]); ChatClient second = parley.agentSocket(admin)) {
            JsonNode started = visitor.startSession(Map.of());
            String sessionId = started.path("sessionId").asText();
            visitor.request("request_agent", Map.of());
            api.call("PUT", "/api/admin/sessions/" + sessionId + "/assign", admin, Map.of("agentId", ada[0]));
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            writers.add(CompletableFuture.runAsync(() -> IntStream.range(0, perWriter).forEach(i ->
                    visitor.send("user_message", Map.of("text", "v" + i, "clientMsgId", "v" + i), "v" + i))));
            for (ChatClient agent : List.of(first, second)) {
                String who = agent == first ? "a" : "b";
                writers.add(CompletableFuture.runAsync(() -> IntStream.range(0, perWriter).forEach(i ->
                        agent.send("agent_message", Map.of("sessionId", sessionId, "text", who + i, "clientMsgId", who + i), who + i))));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();
            // the visitor's request, everybody's messages, and the notice that Ada joined when she first wrote
            long expected = 2 + 3L * perWriter;
            for (int attempt = 0; attempt < 50 && parley.database().count("SELECT COUNT(*) FROM chat_messages WHERE session_id = ?", sessionId) < expected; attempt++) {
                Thread.sleep(100);
            }
            try (ChatClient again = ChatClient.connect(parley.server().ws("/ws/chat"))) {
                List<Long> seqs = new ArrayList<>();
                again.resume(sessionId, started.path("sessionToken").asText(), 0).path("messages").forEach(m -> seqs.add(m.path("seq").asLong()));
                assertThat(seqs).containsExactlyElementsOf(IntStream.rangeClosed(1, (int) expected).mapToObj(Long::valueOf).toList());
            }
        }
    }

    @Test
    void typingIsShownBothWaysAndNeverStored() {
        String[] ada = parley.newAgent("ada");
        try (ChatClient agent = parley.agentSocket(ada[1]); ChatClient visitor = ChatClient.connect(parley.server().ws("/ws/chat"))) {
            String sessionId = visitor.startSession(Map.of()).path("sessionId").asText();
            visitor.request("request_agent", Map.of());
            agent.request("join_session", Map.of("sessionId", sessionId));

            visitor.request("typing_start", Map.of());
            JsonNode visitorTyping = agent.until("display_typing", data -> data.path("sessionId").asText().equals(sessionId));
            assertThat(visitorTyping.path("sender").asText()).isEqualTo("user");
            assertThat(visitorTyping.path("isTyping").asBoolean()).isTrue();

            agent.request("typing_start", Map.of("sessionId", sessionId));
            JsonNode agentTyping = visitor.until("display_typing", data -> true);
            assertThat(agentTyping.path("sender").asText()).isEqualTo("agent");
            assertThat(agentTyping.path("isTyping").asBoolean()).isTrue();
            agent.request("typing_stop", Map.of("sessionId", sessionId));
            assertThat(visitor.until("display_typing", data -> true).path("isTyping").asBoolean()).isFalse();

            assertThat(parley.database().count("SELECT COUNT(*) FROM chat_messages WHERE session_id = ?", sessionId)).isEqualTo(1);
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(session -> ids.add(session.path("id").asText()));
        return ids;
    }
}
