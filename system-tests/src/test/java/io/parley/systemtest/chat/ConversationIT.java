package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.ParleyOnMariaDb;
import io.parley.systemtest.support.ParleyOnMariaDb.RunningParley;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A visitor's first conversation over /ws/chat, checked on the wire and in MariaDB. */
@ExtendWith(ParleyOnMariaDb.class)
class ConversationIT {

    private static RunningParley parley;

    @BeforeAll
    static void server(RunningParley running) {
        parley = running;
    }

    @AfterAll
    static void noServerErrors() {
        parley.server().assertLogClean();
    }

    private ChatClient connect() {
        return ChatClient.connect(parley.server().ws("/ws/chat"));
    }

    @Test
    void startingASessionGivesAnIdAndATokenOfWhichOnlyTheHashIsStored() throws Exception {
        try (ChatClient visitor = connect()) {
            JsonNode started = visitor.startSession(Map.of("name", "Ada", "email", "ada@example.com",
                    "page", "https://shop.example/pricing", "locale", "en-GB"));

            String sessionId = started.path("sessionId").asText();
            String token = started.path("sessionToken").asText();
            assertThat(sessionId).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSize(32);
            assertThat(started.path("welcomeMessage").asText()).isNotBlank();

            Map<String, Object> row = parley.database().query("SELECT * FROM chat_sessions WHERE id = ?", sessionId).get(0);
            assertThat(row.get("token_hash")).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8))));
            assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(token));
            assertThat(row).containsEntry("status", "ACTIVE").containsEntry("visitor_name", "Ada")
                    .containsEntry("visitor_email", "ada@example.com").containsEntry("visitor_locale", "en-GB")
                    .containsEntry("visitor_page", "https://shop.example/pricing");
            assertThat(row.get("created_at")).isNotNull();
        }
    }

    @Test
    void aMessageIsAckedWithItsSeqAndAnsweredByAnExactAutoReply() {
        try (ChatClient visitor = connect()) {
            String sessionId = visitor.startSession(Map.of()).path("sessionId").asText();

            JsonNode mine = visitor.say("Hello!", "c-hello-1");
            assertThat(mine.path("seq").asLong()).isEqualTo(1);
            assertThat(mine.path("sender").asText()).isEqualTo("user");
            assertThat(mine.path("text").asText()).isEqualTo("Hello!");
            assertThat(mine.path("clientMsgId").asText()).isEqualTo("c-hello-1");
            assertThat(mine.path("sessionId").asText()).isEqualTo(sessionId);

            JsonNode reply = visitor.next("bot_message").path("data");
            assertThat(reply.path("responseType").asText()).isEqualTo("auto_reply");
            assertThat(reply.path("message").path("seq").asLong()).isEqualTo(2);
            assertThat(reply.path("message").path("sender").asText()).isEqualTo("bot");
            assertThat(reply.path("message").path("text").asText()).startsWith("Hello! I am the Parley assistant");

            List<Map<String, Object>> rows = parley.database().query(
                    "SELECT seq, sender, body, client_msg_id FROM chat_messages WHERE session_id = ? ORDER BY seq", sessionId);
            assertThat(rows).extracting(r -> r.get("seq"), r -> r.get("sender"), r -> r.get("client_msg_id"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "USER", "c-hello-1"),
                            org.assertj.core.groups.Tuple.tuple(2L, "BOT", null));
            assertThat(rows.get(0).get("body")).isEqualTo("Hello!");
            assertThat(parley.database().count("SELECT last_seq FROM chat_sessions WHERE id = ?", sessionId)).isEqualTo(2);
        }
    }

    @Test
    void partialAndKeywordAutoRepliesAnswerInsideLongerMessages() {
        try (ChatClient visitor = connect()) {
            visitor.startSession(Map.of());
            visitor.say("Hi, what are your opening hours on Monday?");
            assertThat(visitor.next("bot_message").path("data").path("message").path("text").asText())
                    .contains("Monday to Friday");
            visitor.say("And how much does it cost");
            assertThat(visitor.next("bot_message").path("data").path("message").path("text").asText())
                    .contains("plans and prices");
        }
    }

    @Test
    void whenNothingMatchesASystemMessageOffersAnAgentOrTheOfflineForm() {
        try (ChatClient visitor = connect()) {
            String sessionId = visitor.startSession(Map.of()).path("sessionId").asText();
            visitor.say("My parcel never arrived");
            JsonNode offer = visitor.next("system_message").path("data");
            assertThat(offer.path("message").path("sender").asText()).isEqualTo("system");
            assertThat(offer.path("message").path("seq").asLong()).isEqualTo(2);
            assertThat(offer.path("message").path("text").asText()).contains("human agent").contains("leave us a message");
            assertThat(offer.path("offers")).extracting(JsonNode::asText).containsExactly("agent", "offline_form");
            assertThat(parley.database().query("SELECT sender FROM chat_messages WHERE session_id = ? AND seq = 2", sessionId))
                    .extracting(r -> r.get("sender")).containsExactly("SYSTEM");
        }
    }

    @Test
    void endingASessionStopsItTakingMessages() {
        try (ChatClient visitor = connect()) {
            String sessionId = visitor.startSession(Map.of()).path("sessionId").asText();
            visitor.send("end_session", Map.of(), "end-1");
            assertThat(visitor.next("session_ended").path("data").path("sessionId").asText()).isEqualTo(sessionId);
            assertThat(visitor.next("ack").path("ref").asText()).isEqualTo("end-1");

            visitor.send("user_message", Map.of("text", "still there?", "clientMsgId", "late-1"), "late");
            JsonNode error = visitor.next("error");
            assertThat(error.path("data").path("code").asText()).isEqualTo("session_closed");
            assertThat(parley.database().query("SELECT status FROM chat_sessions WHERE id = ?", sessionId))
                    .extracting(r -> r.get("status")).containsExactly("CLOSED");
            assertThat(parley.database().count("SELECT COUNT(*) FROM chat_messages WHERE session_id = ?", sessionId)).isZero();
        }
    }
}
