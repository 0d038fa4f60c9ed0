package io.parley.systemtest.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.ParleyEnvironment;
import io.parley.systemtest.support.PayaraServer;
import io.parley.systemtest.support.TestDatabase;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * parley.ear on Payara Server full, set up with the scripts of payara-config/ on MariaDB, holds a conversation — the
 * events the ejb module fires reach the war's sockets: the admin's feed sees it, the visitor gets an agent's message —,
 * signs the first admin in (MicroProfile JWT with the keys from the database) and shows the same HTTP surface as
 * on Payara Micro.
 */
class PayaraServerEarIT {

    @Test
    void theEarOnPayaraServerHoldsAConversationOnMariaDb() throws Exception {
        try (TestDatabase database = TestDatabase.create();
             PayaraServer server = PayaraServer.setUpAndDeploy(Path.of(System.getProperty("parley.ear")), ParleyEnvironment.on(database))) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.http("/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Server")).as("setup-domain.sh names no server software").isEmpty();
            assertThat(page.headers().firstValue("X-Powered-By")).isEmpty();
            HttpResponse<String> management = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.admin("/management/domain"))
                    .header("Accept", "application/json").header("X-Requested-By", "parley-tests").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(management.statusCode()).as("setup-domain.sh gives the domain an admin password").isEqualTo(401);
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as("the war's filters run in the ear").hasValue("nosniff");

            Api api = new Api(server.http("/"));
            String adminToken = api.login(ParleyEnvironment.ADMIN_EMAIL, ParleyEnvironment.ADMIN_PASSWORD);
            String sessionId;
            String token;
            try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat")); ChatClient desk = ChatClient.connect(server.ws("/ws/agent"))) {
                desk.authenticate(adminToken);
                desk.request("join_admin_feed", Map.of());
                JsonNode started = visitor.startSession(Map.of("name", "Linus"));
                sessionId = started.path("sessionId").asText();
                token = started.path("sessionToken").asText();
                String session = sessionId;
                assertThat(desk.until("session_update", data -> data.path("session").path("id").asText().equals(session))
                        .path("session").path("visitor").path("name").asText())
                        .as("the ejb module's events reach the war's observers after the commit").isEqualTo("Linus");
                assertThat(visitor.say("What are your opening hours?").path("seq").asLong()).isEqualTo(1);
                assertThat(visitor.next("bot_message").path("data").path("message").path("text").asText())
                        .contains("Monday to Friday");
                assertThat(desk.until("new_message", data -> data.path("message").path("seq").asLong() == 2).path("message").path("sender").asText())
                        .as("the assistant's answer, announced by the assistant's boundary").isEqualTo("bot");
                visitor.say("my parcel never arrived");
                assertThat(visitor.next("system_message").path("data").path("message").path("seq").asLong()).isEqualTo(4);
                desk.request("agent_message", Map.of("sessionId", sessionId, "text", "Let me look", "clientMsgId", "ear-1"));
                assertThat(visitor.until("agent_message", data -> true).path("message").path("text").asText()).isEqualTo("Let me look");
            }
            try (ChatClient again = ChatClient.connect(server.ws("/ws/chat"))) {
                assertThat(again.resume(sessionId, token, 2).path("messages"))
                        .extracting(m -> m.path("seq").asLong()).containsExactly(3L, 4L, 5L, 6L);
            }
            assertThat(database.query("SELECT sender FROM chat_messages WHERE session_id = ? ORDER BY seq", sessionId))
                    .extracting(row -> row.get("sender")).containsExactly("USER", "BOT", "USER", "SYSTEM", "SYSTEM", "AGENT");
            assertThat(database.count("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1")).isGreaterThanOrEqualTo(3);

            assertThat(api.get("/api/me", adminToken).body().path("user").path("roles")).extracting(JsonNode::asText).containsExactly("admin");
            assertThat(api.get("/api/admin/users", null).status()).isEqualTo(401);
            server.assertLogClean();
        }
    }
}
