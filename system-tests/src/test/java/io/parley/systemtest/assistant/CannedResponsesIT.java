package io.parley.systemtest.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.OnTheSharedParley;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Canned responses change, and the very next visitor message is answered by what they say now. */
class CannedResponsesIT extends OnTheSharedParley {

    @Test
    void aChangedCannedResponseAnswersTheNextMessage() {
        String[] agent = parley.newAgent("canned");
        Map<String, Object> content = new HashMap<>(Map.of("trigger", "refund policy", "response", "Refunds within 30 days.", "matchType", "partial"));
        JsonNode created = api.post("/api/canned-responses", admin, content).body();
        String id = created.path("id").asText();
        assertThat(created.path("active").asBoolean()).isTrue();
        try (ChatClient visitor = ChatClient.connect(parley.server().ws("/ws/chat"))) {
            visitor.startSession(Map.of());
            assertThat(answer(visitor, "What is your refund policy?")).isEqualTo("Refunds within 30 days.");

            content.put("response", "Refunds within 60 days now.");
            assertThat(api.call("PUT", "/api/canned-responses/" + id, admin, content).status()).isEqualTo(200);
            assertThat(answer(visitor, "What is your refund policy?")).isEqualTo("Refunds within 60 days now.");

            content.put("active", false);
            api.call("PUT", "/api/canned-responses/" + id, admin, content);
            visitor.say("Tell me the refund policy");
            assertThat(visitor.until("system_message", data -> true).path("reason").asText()).as("no model configured here either")
                    .isEqualTo("assistant_unavailable");
        }
        assertThat(api.get("/api/canned-responses?q=REFUND", agent[1]).body().path("items")).extracting(item -> item.path("id").asText()).contains(id);
        assertThat(api.post("/api/canned-responses", agent[1], content).status()).as("agents read, admins change").isEqualTo(403);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("trigger", " ", "response", "x", "matchType", "exact"),
                Map.of("trigger", "x", "response", "x", "matchType", "fuzzy"), Map.of("trigger", "x", "matchType", "exact"))) {
            assertThat(api.post("/api/canned-responses", admin, bad).status()).as("%s", bad).isEqualTo(400);
        }
        assertThat(api.call("DELETE", "/api/canned-responses/" + id, admin, null).status()).isEqualTo(204);
        assertThat(api.call("DELETE", "/api/canned-responses/" + id, admin, null).status()).isEqualTo(404);
        assertThat(api.get("/api/admin/audit?action=canned-response.update", admin).body().path("total").asInt()).isGreaterThanOrEqualTo(2);
    }

    private static String answer(ChatClient visitor, String text) {
        visitor.say(text);
        return visitor.until("bot_message", data -> true).path("message").path("text").asText();
    }
}
