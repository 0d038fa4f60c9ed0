package io.parley.systemtest.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.PayaraMicro;
import io.parley.systemtest.support.ServerProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parley as a new user first runs it: the embedded H2 default, no database server, no keys.
 * The schema is migrated on H2 and a conversation survives a restart; settings come from the environment.
 */
class EmbeddedH2IT {

    @Test
    void runsOnH2AndKeepsTheConversationAcrossARestart() throws Exception {
        Path dataDir = ServerProcess.workDir("h2-" + System.currentTimeMillis());
        String sessionId;
        String token;
        try (PayaraMicro server = PayaraMicro.start(dataDir, Map.of())) {
            HttpResponse<String> ready = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.http("/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ChatClient.JSON.readTree(ready.body()).path("checks"))
                    .anySatisfy(check -> assertThat(check.path("data").path("product").asText()).isEqualTo("H2"));
            try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
                JsonNode started = visitor.startSession(Map.of("name", "Grace"));
                sessionId = started.path("sessionId").asText();
                token = started.path("sessionToken").asText();
                visitor.say("hello");
                assertThat(visitor.next("bot_message").path("data").path("message").path("seq").asLong()).isEqualTo(2);
            }
            server.assertLogClean();
        }
        assertThat(dataDir.resolve("parley.mv.db")).exists();

        Map<String, String> settings = Map.of(
                "PARLEY_CHAT_MAX_TEXT_LENGTH", "20",
                "PARLEY_CHAT_WELCOME_MESSAGE", "Welcome back to the test shop");
        try (PayaraMicro again = PayaraMicro.start(dataDir, settings);
             ChatClient visitor = ChatClient.connect(again.ws("/ws/chat"))) {
            JsonNode resumed = visitor.resume(sessionId, token, 0);
            assertThat(resumed.path("messages")).extracting(m -> m.path("text").asText())
                    .containsExactly("hello", "Hello! I am the Parley assistant. How can I help you today?");
            assertThat(visitor.say("thanks").path("seq").asLong()).isEqualTo(3);
            visitor.next("bot_message");

            visitor.send("user_message", Map.of("text", "x".repeat(21), "clientMsgId", "too-long"), "long");
            assertThat(visitor.next("error").path("data").path("code").asText()).isEqualTo("text_too_long");
            try (ChatClient newcomer = ChatClient.connect(again.ws("/ws/chat"))) {
                assertThat(newcomer.startSession(Map.of()).path("welcomeMessage").asText())
                        .isEqualTo("Welcome back to the test shop");
            }
            again.assertLogClean();
        }
    }
}
