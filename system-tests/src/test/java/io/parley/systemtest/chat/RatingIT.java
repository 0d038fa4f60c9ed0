package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.OnTheSharedParley;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The visitor rates the conversation, 1 to 5 with a comment, over REST with the session's id and token (as for images),
 * also after it ended; rating again replaces it; agents see it on the session. Anyone else, and bad ratings, change nothing.
 */
class RatingIT extends OnTheSharedParley {


    @Test
    void aVisitorRatesTheConversationOnceItEndedAndAgentsSeeTheRating() throws Exception {
        try (ChatClient visitor = ChatClient.connect(parley.server().ws("/ws/chat")); ChatClient feed = parley.agentSocket(admin)) {
            feed.request("join_admin_feed", Map.of());
            JsonNode started = visitor.startSession(Map.of("name", "Rating Rita"));
            String sessionId = started.path("sessionId").asText();
            Map<String, String> mine = proof(sessionId, started.path("sessionToken").asText());
            JsonNode before = api.get("/api/admin/sessions/" + sessionId, admin).body();
            assertThat(before.has("rating") && before.path("rating").isNull()).as("not rated yet: null").isTrue();

            JsonNode rated = rate(mine, Map.of("score", 2, "comment", "  Slow to answer  "), 200);
            assertThat(rated.path("sessionId").asText()).isEqualTo(sessionId);
            assertThat(rated.path("score").asInt()).isEqualTo(2);
            assertThat(rated.path("comment").asText()).isEqualTo("Slow to answer");

            visitor.request("end_session", Map.of());
            JsonNode again = rate(mine, Map.of("score", 5), 200);
            assertThat(again.path("score").asInt()).as("after the end, and again: it replaces the first").isEqualTo(5);
            assertThat(again.has("comment") && again.path("comment").isNull()).isTrue();

            JsonNode rating = api.get("/api/admin/sessions/" + sessionId, admin).body().path("rating");
            assertThat(rating.path("score").asInt()).isEqualTo(5);
            assertThat(rating.path("comment").isNull()).isTrue();
            assertThat(Instant.parse(rating.path("ratedAt").asText())).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
            assertThat(feed.until("session_update", data -> data.path("session").path("id").asText().equals(sessionId)
                    && data.path("session").path("rating").path("score").asInt() == 5)).isNotNull();
            assertThat(parley.database().query("SELECT rating, rating_comment FROM chat_sessions WHERE id = ?", sessionId).get(0))
                    .containsEntry("rating_comment", null).extractingByKey("rating").satisfies(score -> assertThat(((Number) score).intValue()).isEqualTo(5));
        }
    }

    @Test
    void onlyTheHolderOfTheTokenRatesAndABadRatingChangesNothing() {
        try (ChatClient visitor = ChatClient.connect(parley.server().ws("/ws/chat"))) {
            JsonNode started = visitor.startSession(Map.of());
            String sessionId = started.path("sessionId").asText();
            Map<String, String> mine = proof(sessionId, started.path("sessionToken").asText());
            rate(mine, Map.of("score", 3, "comment", "fine"), 200);

            rate(proof(sessionId, "not-the-token"), Map.of("score", 1), 404);
            rate(proof(UUID.randomUUID().toString(), started.path("sessionToken").asText()), Map.of("score", 1), 404);
            rate(Map.of("Content-Type", "application/json"), Map.of("score", 1), 404);
            Map<String, Object> noScore = new HashMap<>(Map.of("comment", "no score"));
            for (Object bad : List.of(Map.of("score", 0), Map.of("score", 6), noScore, Map.of("score", "five"),
                    Map.of("score", 1, "comment", "c".repeat(1001)), "not json")) {
                rate(mine, bad, 400);
            }
            JsonNode rating = api.get("/api/admin/sessions/" + sessionId, admin).body().path("rating");
            assertThat(rating.path("score").asInt()).isEqualTo(3);
            assertThat(rating.path("comment").asText()).isEqualTo("fine");
            assertThat(rate(mine, Map.of("score", 1, "comment", "c".repeat(1000)), 200).path("comment").asText()).hasSize(1000);
        }
    }

    private static Map<String, String> proof(String sessionId, String token) {
        return Map.of("X-Parley-Session", sessionId, "X-Parley-Session-Token", token, "Content-Type", "application/json");
    }

    private static JsonNode rate(Map<String, String> headers, Object body, int status) {
        try {
            byte[] json = body instanceof String raw ? raw.getBytes() : ChatClient.JSON.writeValueAsBytes(body);
            HttpResponse<byte[]> answer = api.raw("POST", "/api/chat/rating", headers, json);
            assertThat(answer.statusCode()).as("%s: %s", body, new String(answer.body())).isEqualTo(status);
            return ChatClient.JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
