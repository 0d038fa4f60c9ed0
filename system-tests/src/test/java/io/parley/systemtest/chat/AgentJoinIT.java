package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.OnTheSharedParley;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Visitors see who they talk to: every message an agent writes carries the agent's name, wherever it appears, and when
 * an agent takes a conversation up (joins one given to them, writes in one nobody owns, assigns it to themselves, takes
 * over a transfer) the visitor is told "Ada Lovelace joined the conversation" — once, never twice in a row for the same agent.
 */
class AgentJoinIT extends OnTheSharedParley {

    private static final Duration QUIET = Duration.ofMillis(700);

    @Test
    void anAgentWhoJoinsAConversationGivenToThemIsAnnouncedOnceAndSignsEveryMessage() {
        String name = "Ada Lovelace " + suffix();
        String[] ada = agent(name);
        try (ChatClient visitor = visitor(); ChatClient adaSocket = parley.agentSocket(ada[1]); ChatClient feed = parley.agentSocket(admin)) {
            feed.request("join_admin_feed", Map.of());
            JsonNode started = visitor.startSession(Map.of("name", "Joined Jo"));
            String sessionId = started.path("sessionId").asText();
            visitor.say("hello");
            visitor.next("bot_message");
            assertThat(api.call("PUT", "/api/admin/sessions/" + sessionId + "/assign", admin, Map.of("agentId", ada[0])).status()).isEqualTo(200);
            assertThat(visitor.drain(QUIET)).as("given to Ada, not yet taken up").noneMatch(AgentJoinIT::joinedNotice);

            adaSocket.request("join_session", Map.of("sessionId", sessionId, "afterSeq", 0));
            JsonNode notice = visitor.until("system_message", data -> data.path("event").asText().equals("agent_joined"));
            assertThat(notice.path("agentName").asText()).isEqualTo(name);
            assertThat(notice.path("offers")).isEmpty();
            JsonNode stored = notice.path("message");
            assertThat(stored.path("text").asText()).isEqualTo(name + " joined the conversation");
            assertThat(stored.path("sender").asText()).isEqualTo("system");
            assertThat(stored.path("seq").asLong()).isEqualTo(3);
            assertThat(stored.hasNonNull("agentName")).as("only agents' messages name an agent").isFalse();
            assertThat(feed.until("new_message", data -> data.path("message").path("id").asText().equals(stored.path("id").asText()))).isNotNull();

            adaSocket.request("join_session", Map.of("sessionId", sessionId, "afterSeq", 0));
            JsonNode hello = adaSocket.request("agent_message", Map.of("sessionId", sessionId, "text", "Hello Jo", "clientMsgId", "ada-1"))
                    .path("message");
            assertThat(hello.path("seq").asLong()).as("joining again and writing announce nothing more").isEqualTo(4);
            assertThat(hello.path("agentName").asText()).isEqualTo(name);
            assertThat(visitor.until("agent_message", data -> true).path("message").path("agentName").asText()).isEqualTo(name);
            assertThat(feed.until("new_message", data -> data.path("message").path("seq").asLong() == 4 && data.path("message")
                    .path("sessionId").asText().equals(sessionId)).path("message").path("agentName").asText()).isEqualTo(name);

            adaSocket.request("typing_start", Map.of("sessionId", sessionId));
            assertThat(visitor.until("display_typing", data -> true).path("agentName").asText()).isEqualTo(name);

            try (ChatClient again = visitor()) {
                JsonNode replay = again.resume(sessionId, started.path("sessionToken").asText(), 0).path("messages");
                assertThat(replay).extracting(m -> m.path("sender").asText()).containsExactly("user", "bot", "system", "agent");
                assertThat(replay.get(3).path("agentName").asText()).isEqualTo(name);
                assertThat(replay.get(0).hasNonNull("agentName")).isFalse();
            }
            JsonNode rest = api.get("/api/admin/sessions/" + sessionId + "/messages?afterSeq=3", admin).body();
            assertThat(rest.get(0).path("agentName").asText()).isEqualTo(name);
            assertThat(adaSocket.request("join_session", Map.of("sessionId", sessionId, "afterSeq", 3)).path("lastSeq").asLong()).isEqualTo(4);
            assertThat(parley.database().query("SELECT author_name FROM chat_messages WHERE session_id = ? AND seq = 4", sessionId).get(0))
                    .containsEntry("author_name", name);
            assertThat(notices(sessionId)).isEqualTo(1);
        }
    }

    @Test
    void anAgentWhoTakesAConversationByWritingOrByAssigningItToThemselvesIsAnnouncedBeforeTheirFirstWord() {
        String name = "Bea Writer " + suffix();
        String[] bea = agent(name);
        try (ChatClient first = visitor(); ChatClient second = visitor(); ChatClient beaSocket = parley.agentSocket(bea[1])) {
            String written = first.startSession(Map.of()).path("sessionId").asText();
            beaSocket.request("agent_message", Map.of("sessionId", written, "text", "Can I help?", "clientMsgId", "bea-1"));
            JsonNode notice = first.next("system_message").path("data");
            assertThat(notice.path("event").asText()).isEqualTo("agent_joined");
            assertThat(notice.path("agentName").asText()).isEqualTo(name);
            JsonNode message = first.next("agent_message").path("data").path("message");
            assertThat(message.path("seq").asLong()).isEqualTo(notice.path("message").path("seq").asLong() + 1);
            assertThat(message.path("agentName").asText()).isEqualTo(name);

            String assigned = second.startSession(Map.of()).path("sessionId").asText();
            assertThat(api.call("PUT", "/api/admin/sessions/" + assigned + "/assign", bea[1], Map.of("agentId", bea[0])).status()).isEqualTo(200);
            assertThat(second.next("system_message").path("data").path("agentName").asText()).isEqualTo(name);
            beaSocket.request("join_session", Map.of("sessionId", assigned));
            beaSocket.request("agent_message", Map.of("sessionId", assigned, "text", "Hi!", "clientMsgId", "bea-2"));
            assertThat(second.next("agent_message").path("data").path("message").path("text").asText())
                    .as("taken up at once: nothing more to announce").isEqualTo("Hi!");
            assertThat(notices(written)).isEqualTo(1);
            assertThat(notices(assigned)).isEqualTo(1);
        }
    }

    @Test
    void aTransferIsAnnouncedWhenTheNewAgentTakesItUpAndNobodyTwiceInARow() {
        String[] cy = agent("Cy Transfer " + suffix());
        String[] di = agent("Di Transfer " + suffix());
        try (ChatClient visitor = visitor(); ChatClient cySocket = parley.agentSocket(cy[1]); ChatClient diSocket = parley.agentSocket(di[1])) {
            String sessionId = visitor.startSession(Map.of()).path("sessionId").asText();
            assertThat(api.call("PUT", "/api/admin/sessions/" + sessionId + "/assign", cy[1], Map.of("agentId", cy[0])).status()).isEqualTo(200);
            assertThat(api.call("PUT", "/api/admin/sessions/" + sessionId + "/assign", cy[1], Map.of("agentId", cy[0])).status()).isEqualTo(200);
            assertThat(api.call("PUT", "/api/admin/sessions/" + sessionId + "/assign", admin, Map.of("agentId", di[0])).status()).isEqualTo(200);
            assertThat(announced(visitor)).as("Cy once; Di not before she takes it up").containsExactly(cy[2]);

            diSocket.request("join_session", Map.of("sessionId", sessionId));
            assertThat(api.call("PUT", "/api/admin/sessions/" + sessionId + "/assign", admin, Map.of("agentId", cy[0])).status()).isEqualTo(200);
            cySocket.request("agent_message", Map.of("sessionId", sessionId, "text", "Back again", "clientMsgId", "cy-2"));
            assertThat(announced(visitor)).as("Di, then Cy again after her").containsExactly(di[2], cy[2]);

            assertThat(api.call("PUT", "/api/admin/sessions/" + sessionId + "/release", cy[1], null).status()).isEqualTo(200);
            assertThat(api.call("PUT", "/api/admin/sessions/" + sessionId + "/assign", cy[1], Map.of("agentId", cy[0])).status()).isEqualTo(200);
            assertThat(announced(visitor)).as("the same agent again, with nobody in between").isEmpty();
            assertThat(notices(sessionId)).isEqualTo(3);
        }
    }

    /** The agents' names in the {@code agent_joined} notices the visitor got until the server was quiet. */
    private static List<String> announced(ChatClient visitor) {
        return visitor.drain(QUIET).stream().filter(AgentJoinIT::joinedNotice).map(frame -> frame.path("data").path("agentName").asText()).toList();
    }

    private static boolean joinedNotice(JsonNode frame) {
        return frame.path("type").asText().equals("system_message") && frame.path("data").path("event").asText().equals("agent_joined");
    }

    private static long notices(String sessionId) {
        return parley.database().count("SELECT COUNT(*) FROM chat_messages WHERE session_id = ? AND sender = 'SYSTEM' AND body LIKE '% joined the conversation'", sessionId);
    }

    /** A new agent with this display name, signed in: {@code [id, token, name]}. */
    private static String[] agent(String name) {
        String email = "joining-" + suffix() + "@example.com";
        String password = "agent who joins conversations";
        Api.Reply created = api.post("/api/auth/signup", admin, Map.of("email", email, "name", name, "password", password, "roles", List.of("agent")));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return new String[] {created.body().path("id").asText(), api.login(email, password), name};
    }

    private static ChatClient visitor() {
        return ChatClient.connect(parley.server().ws("/ws/chat"));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
