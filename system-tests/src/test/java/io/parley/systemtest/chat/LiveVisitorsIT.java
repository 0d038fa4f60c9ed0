package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.ParleyOnMariaDb;
import io.parley.systemtest.support.ParleyOnMariaDb.RunningParley;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Agents see who is on the site and start a chat with them; the visitor binds to it like after a reconnect. */
@ExtendWith(ParleyOnMariaDb.class)
class LiveVisitorsIT {

    @Test
    void anAgentSeesALiveVisitorAndStartsAChatTheVisitorCanAnswer(RunningParley parley) {
        String[] ada = parley.newAgent("ada");
        try (ChatClient agent = parley.agentSocket(ada[1]); ChatClient visitor = ChatClient.connect(parley.server().ws("/ws/chat"))) {
            agent.request("join_admin_feed", Map.of());
            String visitorId = visitor.request("visitor_join", Map.of("page", "https://shop.example/pricing", "referrer", "https://search.example"))
                    .path("visitorId").asText();
            JsonNode live = agent.until("live_visitors_changed", data -> data.path("joined").toString().contains(visitorId));
            assertThat(live.path("joined")).anySatisfy(v -> {
                assertThat(v.path("visitorId").asText()).isEqualTo(visitorId);
                assertThat(v.path("page").asText()).isEqualTo("https://shop.example/pricing");
            });

            String longPage = "https://shop.example/pricing?" + "q=x&".repeat(200);
            visitor.request("visitor_join", Map.of("page", longPage, "referrer", "https://search.example"));
            JsonNode moved = agent.until("live_visitors_changed", data -> data.path("changed").toString().contains(visitorId));
            assertThat(moved.path("joined")).as("the same socket's visitor moved, not a second visitor").isEmpty();
            assertThat(moved.path("changed").get(0).path("page").asText()).as("the list carries a cut address")
                    .hasSizeLessThanOrEqualTo(300).startsWith("https://shop.example/pricing?q=x&");

            try (ChatClient later = parley.agentSocket(ada[1])) {
                later.send("join_admin_feed", Map.of(), "feed");
                assertThat(later.next("live_visitors").path("data").path("visitors")).as("a feed starts from everyone on the sites now")
                        .anySatisfy(v -> assertThat(v.path("visitorId").asText()).isEqualTo(visitorId));
            }

            JsonNode opened = agent.request("initiate_chat", Map.of("visitorId", visitorId, "text", "Can I help with pricing?"));
            String sessionId = opened.path("session").path("id").asText();
            assertThat(opened.path("session").path("status").asText()).isEqualTo("assigned");
            JsonNode invitation = visitor.until("agent_initiated_chat", data -> true);
            assertThat(invitation.path("sessionId").asText()).isEqualTo(sessionId);
            assertThat(invitation.path("message").path("text").asText()).isEqualTo("Can I help with pricing?");

            JsonNode resumed = visitor.resume(sessionId, invitation.path("sessionToken").asText(), 0);
            assertThat(resumed.path("messages")).extracting(m -> m.path("sender").asText()).containsExactly("agent");
            assertThat(visitor.say("yes please").path("seq").asLong()).isEqualTo(2);
            assertThat(agent.until("new_message", data -> data.path("message").path("sessionId").asText().equals(sessionId))
                    .path("message").path("text").asText()).isEqualTo("yes please");

            agent.send("initiate_chat", Map.of("visitorId", "00000000-0000-0000-0000-000000000000", "text", "hello?"), "gone");
            assertThat(agent.until("error", data -> true).path("code").asText()).isEqualTo("visitor_gone");
        }
        parley.server().assertLogClean();
    }
}
