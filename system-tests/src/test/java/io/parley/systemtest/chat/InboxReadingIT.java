package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.OnTheSharedParley;
import io.parley.systemtest.support.WidgetDesk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the console reads over REST to show the inbox: the queue in the order routing serves it, with since when each
 * visitor has waited (and the countdown's length) until an agent takes them up, and a long transcript a page at a time
 * upward from its end.
 */
class InboxReadingIT extends OnTheSharedParley {

    @Test
    void theQueueIsListedOldestFirstWithWhenEachStartedWaitingUntilAnAgentTakesThemUp() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "queue-reader-" + tag + "@example.com";
        String agentId = api.createUser(admin, email, "agent who reads the queue", "agent");
        String agent = api.login(email, "agent who reads the queue");
        try (ChatClient first = visitor(); ChatClient second = visitor(); ChatClient browsing = visitor();
             ChatClient feed = parley.agentSocket(admin)) {
            String browsingId = browsing.startSession(Map.of("name", "Browsing " + tag)).path("sessionId").asText();
            browsing.say("Just looking");
            String firstId = WidgetDesk.asksForAPerson(first, "First " + tag);
            WidgetDesk.aSecondLater();
            String secondId = WidgetDesk.asksForAPerson(second, "Second " + tag);

            JsonNode queue = api.get("/api/admin/sessions?view=unassigned&q=" + tag, admin).body().path("items");
            assertThat(queue).extracting(session -> session.path("id").asText()).containsExactly(firstId, secondId, browsingId);
            Instant firstWaits = Instant.parse(queue.get(0).path("waitingSince").asText());
            assertThat(firstWaits).isBefore(Instant.parse(queue.get(1).path("waitingSince").asText()));
            assertThat(queue.get(2).has("waitingSince")).as("with the assistant, nobody is awaited").isFalse();
            assertThat(api.get("/api/agents/rules", agent).body().path("countdownSeconds").asInt()).isEqualTo(180);

            // given to an agent, the visitor still waits (the countdown runs on) until the agent takes them up
            assertThat(api.call("PUT", "/api/admin/sessions/" + firstId + "/assign", admin, Map.of("agentId", agentId)).status()).isEqualTo(200);
            assertThat(api.get("/api/admin/sessions/" + firstId, admin).body().path("waitingSince").asText()).isEqualTo(firstWaits.toString());
            feed.request("join_admin_feed", Map.of());
            try (ChatClient agentSocket = parley.agentSocket(agent)) {
                agentSocket.request("join_session", Map.of("sessionId", firstId));
            }
            JsonNode update = feed.until("session_update", data -> data.path("session").path("id").asText().equals(firstId)
                    && !data.path("session").has("waitingSince"));
            assertThat(update.path("session").path("status").asText()).isEqualTo("assigned");
            assertThat(api.get("/api/admin/sessions/" + firstId, admin).body().has("waitingSince")).isFalse();
        }
    }

    @Test
    void aLongTranscriptIsReadUpwardAPageAtATime() {
        try (ChatClient visitor = visitor(); ChatClient writer = parley.agentSocket(admin)) {
            String session = visitor.startSession(Map.of("name", "Upward")).path("sessionId").asText();
            for (int line = 1; line <= 12; line++) {
                writer.request("agent_message", Map.of("sessionId", session, "text", "Line " + line, "clientMsgId", "upward-" + line));
            }
            long last = api.get("/api/admin/sessions/" + session, admin).body().path("lastSeq").asLong();

            List<Long> read = new ArrayList<>();
            List<Long> page = seqs(session, "beforeSeq=" + (last + 1) + "&limit=5");
            assertThat(page).as("the latest five, in order").containsExactly(last - 4, last - 3, last - 2, last - 1, last);
            while (!page.isEmpty()) {
                read.addAll(0, page);
                page = seqs(session, "beforeSeq=" + page.get(0) + "&limit=5");
            }
            assertThat(read).as("every message once, in order").isEqualTo(seqs(session, "afterSeq=0&limit=500"));
            assertThat(read.get(0)).isEqualTo(1L);

            Api.Reply both = api.get("/api/admin/sessions/" + session + "/messages?afterSeq=2&beforeSeq=5", admin);
            assertThat(both.status()).isEqualTo(400);
            assertThat(both.body().path("detail").asText()).isEqualTo("give afterSeq or beforeSeq, not both");
        }
    }

    private static List<Long> seqs(String session, String query) {
        List<Long> seqs = new ArrayList<>();
        api.get("/api/admin/sessions/" + session + "/messages?" + query, admin).body().forEach(message -> seqs.add(message.path("seq").asLong()));
        return seqs;
    }

    private static ChatClient visitor() {
        return ChatClient.connect(parley.server().ws("/ws/chat"));
    }
}
