package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.Images;
import io.parley.systemtest.support.OnTheSharedParley;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Images visitors send: only images, only so large, only for their own session (and the agents). */
class AttachmentsIT extends OnTheSharedParley {

    private static final byte[] PNG = Images.PNG;

    @Test
    void aVisitorSendsAnImageThatOnlyTheirSessionAndTheAgentsCanSee() {
        try (ChatClient visitor = ChatClient.connect(parley.server().ws("/ws/chat"));
             ChatClient stranger = ChatClient.connect(parley.server().ws("/ws/chat"))) {
            JsonNode mine = visitor.startSession(Map.of());
            JsonNode theirs = stranger.startSession(Map.of());
            Map<String, String> me = Map.of("X-Parley-Session", mine.path("sessionId").asText(),
                    "X-Parley-Session-Token", mine.path("sessionToken").asText(), "Content-Type", "application/octet-stream");

            JsonNode sent = json(api.raw("POST", "/api/chat/attachments", me, PNG), 201);
            assertThat(sent.path("mediaType").asText()).as("by its content, whatever it was called").isEqualTo("image/png");
            assertThat(sent.path("size").asInt()).isEqualTo(PNG.length);
            String url = sent.path("url").asText();

            assertThat(api.raw("POST", "/api/chat/attachments", me, "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)).statusCode())
                    .as("no image").isEqualTo(415);
            assertThat(api.raw("POST", "/api/chat/attachments", me, new byte[10 * 1024 * 1024 + 1]).statusCode()).as("too large").isEqualTo(413);
            assertThat(api.raw("POST", "/api/chat/attachments", Map.of("X-Parley-Session", mine.path("sessionId").asText(),
                    "X-Parley-Session-Token", "wrong", "Content-Type", "image/png"), PNG).statusCode()).as("a wrong token").isEqualTo(404);
            assertThat(api.raw("POST", "/api/chat/attachments", Map.of("Content-Type", "image/png"), PNG).statusCode()).as("no session").isEqualTo(404);

            HttpResponse<byte[]> read = api.raw("GET", url, me, null);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo(PNG);
            assertThat(read.headers().firstValue("Content-Type")).contains("image/png");
            assertThat(api.raw("GET", url, Map.of("X-Parley-Session", theirs.path("sessionId").asText(),
                    "X-Parley-Session-Token", theirs.path("sessionToken").asText()), null).statusCode()).as("another visitor").isEqualTo(404);
            String id = sent.path("id").asText();
            assertThat(api.raw("GET", "/api/admin/attachments/" + id, Map.of("Authorization", "Bearer " + admin), null).body())
                    .isEqualTo(PNG);
            assertThat(api.raw("GET", "/api/admin/attachments/" + id, Map.of(), null).statusCode()).isEqualTo(401);

            JsonNode message = visitor.request("user_message", Map.of("text", "See this", "clientMsgId", "img-1", "attachmentUrl", url)).path("message");
            assertThat(message.path("attachments").get(0).path("url").asText()).isEqualTo(url);
            stranger.send("user_message", Map.of("text", "Mine now", "clientMsgId", "steal", "attachmentUrl", url), "steal");
            assertThat(stranger.until("error", data -> true).path("code").asText()).isEqualTo("not_found");
            stranger.send("user_message", Map.of("text", "Elsewhere", "clientMsgId", "far", "attachmentUrl", "https://evil.example/x.png"), "far");
            assertThat(stranger.until("error", data -> true).path("code").asText()).isEqualTo("invalid");
        }
    }

    @Test
    void anAgentSendsAnImageTheVisitorSeesAndOnlyInSessionsTheAgentMayWriteTo() {
        String[] ada = parley.newAgent("ada");
        String[] bob = parley.newAgent("bob");
        try (ChatClient visitor = ChatClient.connect(parley.server().ws("/ws/chat")); ChatClient adaSocket = parley.agentSocket(ada[1])) {
            JsonNode started = visitor.startSession(Map.of("name", "Shown a picture"));
            String session = started.path("sessionId").asText();
            assertThat(api.call("PUT", "/api/admin/sessions/" + session + "/assign", ada[1], Map.of("agentId", ada[0])).status()).isEqualTo(200);
            Map<String, String> asAda = Map.of("Authorization", "Bearer " + ada[1], "Content-Type", "application/octet-stream");

            JsonNode sent = json(api.raw("POST", "/api/admin/attachments?sessionId=" + session, asAda, PNG), 201);
            assertThat(sent.path("mediaType").asText()).isEqualTo("image/png");
            String url = sent.path("url").asText();
            assertThat(api.raw("POST", "/api/admin/attachments?sessionId=" + session, asAda, "not an image".getBytes(StandardCharsets.UTF_8))
                    .statusCode()).as("no image").isEqualTo(415);
            assertThat(api.raw("POST", "/api/admin/attachments?sessionId=" + session,
                    Map.of("Authorization", "Bearer " + bob[1], "Content-Type", "image/png"), PNG).statusCode())
                    .as("Ada's conversation is not Bob's to write in").isEqualTo(404);
            assertThat(api.raw("POST", "/api/admin/attachments", asAda, PNG).statusCode()).as("no session named").isEqualTo(400);

            JsonNode message = adaSocket.request("agent_message", Map.of("sessionId", session, "text", "", "clientMsgId", "ada-img",
                    "attachmentUrl", url)).path("message");
            assertThat(message.path("attachments").get(0).path("url").asText()).as("an image needs no words").isEqualTo(url);
            JsonNode received = visitor.until("agent_message", data -> true);
            assertThat(received.toString()).contains(url);
            HttpResponse<byte[]> read = api.raw("GET", url, Map.of("X-Parley-Session", session,
                    "X-Parley-Session-Token", started.path("sessionToken").asText()), null);
            assertThat(read.body()).as("the visitor reads it with their session").isEqualTo(PNG);

            adaSocket.send("agent_message", Map.of("sessionId", session, "text", "again", "clientMsgId", "ada-img-2", "attachmentUrl", url), "again");
            assertThat(adaSocket.until("error", data -> true).path("code").asText()).as("one message per image").isEqualTo("attachment_used");
            adaSocket.send("agent_message", Map.of("sessionId", session, "text", " ", "clientMsgId", "ada-empty"), "empty");
            assertThat(adaSocket.until("error", data -> true).path("code").asText()).as("neither words nor an image").isEqualTo("invalid");
        }
    }

    private static JsonNode json(HttpResponse<byte[]> response, int status) {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        try {
            return ChatClient.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
