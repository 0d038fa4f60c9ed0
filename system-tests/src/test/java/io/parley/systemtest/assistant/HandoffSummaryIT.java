package io.parley.systemtest.assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.LlmWire;
import io.parley.systemtest.support.WidgetDesk;
import io.parley.systemtest.support.WidgetDesk.RunningDesk;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The summary at handoff: a visitor who talked to the assistant and asks for a person reaches the agents with a summary
 * of what they want and what the assistant already said, made by the LLM fleet (an OpenAI-compatible server, WireMock
 * speaking its wire format) from the conversation; without an answer from the fleet the handoff goes on without one.
 */
@ExtendWith(WidgetDesk.class)
class HandoffSummaryIT {

    private static final Duration SUMMARY_WAIT = Duration.ofSeconds(15);

    @Test
    void aVisitorHandedToAPersonArrivesWithTheFleetsSummaryOfTheirTalkWithTheAssistant(RunningDesk desk) {
        desk.answers("Your parcel left our warehouse on Monday.", List.of());
        String summary = "Wants to know where parcel 4711 is; the assistant said it left the warehouse on Monday.";
        desk.summarises(summary);
        try (ChatClient admin = feed(desk); ChatClient visitor = ChatClient.connect(desk.parley().server().ws("/ws/chat"))) {
            String session = visitor.startSession(Map.of("name", "Parcel")).path("sessionId").asText();
            visitor.say("Where is my parcel 4711?");
            visitor.until("bot_message", data -> true); // after its words streamed
            visitor.request("request_agent", Map.of());

            JsonNode update = admin.until("session_update", data -> data.path("session").path("id").asText().equals(session)
                    && data.path("session").path("handoffSummary").isTextual(), SUMMARY_WAIT);
            assertThat(update.path("session").path("handoffSummary").asText()).isEqualTo(summary);
            assertThat(desk.sessionOf(session).path("handoffSummary").asText()).as("stored, for whoever opens it later").isEqualTo(summary);
            desk.llm().verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                    .withRequestBody(containing(LlmWire.SUMMARY_INSTRUCTION))
                    .withRequestBody(containing("Visitor: Where is my parcel 4711?"))
                    .withRequestBody(containing("Assistant: Your parcel left our warehouse on Monday.")));
            visitor.request("end_session", Map.of());
        }
    }

    @Test
    void withoutAnAnswerFromTheFleetTheVisitorStillReachesTheAgentsWithoutASummary(RunningDesk desk) {
        desk.answers("We open at nine.", List.of());
        try (ChatClient visitor = ChatClient.connect(desk.parley().server().ws("/ws/chat"))) {
            String session = visitor.startSession(Map.of("name", "No summary")).path("sessionId").asText();
            visitor.say("When do you open?");
            visitor.until("bot_message", data -> true); // after its words streamed
            desk.cannotAnswer();
            JsonNode asked = visitor.request("request_agent", Map.of());
            assertThat(asked.path("status").asText()).isIn("waiting_agent", "assigned");

            awaitSummaryRequest(desk);
            visitor.drain(Duration.ofSeconds(2)); // the failed tries end
            JsonNode stored = desk.sessionOf(session);
            assertThat(stored.path("handoffSummary").isNull()).as("no summary: %s", stored).isTrue();
            assertThat(stored.path("status").asText()).isIn("waiting_agent", "assigned");
            visitor.request("end_session", Map.of());
        } finally {
            desk.answers("Happy to help.", List.of());
        }
    }

    private static ChatClient feed(RunningDesk desk) {
        ChatClient admin = ChatClient.connect(desk.parley().server().ws("/ws/agent"));
        admin.authenticate(desk.admin());
        admin.request("join_admin_feed", Map.of());
        return admin;
    }

    private static void awaitSummaryRequest(RunningDesk desk) {
        long deadline = System.nanoTime() + SUMMARY_WAIT.toNanos();
        while (desk.llm().findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(LlmWire.SUMMARY_INSTRUCTION))).isEmpty()) {
            assertThat(System.nanoTime()).as("the fleet is asked for a summary").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
