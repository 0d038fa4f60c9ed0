package io.parley.systemtest.assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.Images;
import io.parley.systemtest.support.LlmWire;
import io.parley.systemtest.support.OwnParley;
import io.parley.systemtest.support.PayaraMicro;
import io.parley.systemtest.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The assistant against the three providers' real wire formats, replayed by WireMock on this machine, on a server of
 * its own (so that circuit breakers and rate limits of one test stay there): streamed answers relayed to the visitor
 * with suggestions, the accuracy log, failover, and the configuration checks.
 */
class AssistantIT {

    static final String ANSWER = "We are open Monday to Friday, 9:00 to 17:00.";
    static final List<String> SUGGESTIONS = List.of("Are you open on holidays?", "Where is the shop?");
    /** How long Anthropic's open circuit breaker rests here. */
    static final long BREAKER_REST_MS = 2000;
    /** The assistant's budget of tokens per conversation here (the other tests stay far below it). */
    static final int MAX_TOKENS_PER_SESSION = 3000;

    static OwnParley parley;
    static TestDatabase database;
    static PayaraMicro server;
    static WireMockServer llm;
    static Api api;
    static String admin;

    @BeforeAll
    static void start() {
        llm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        llm.start();
        Map<String, String> environment = new HashMap<>();
        environment.put("PARLEY_ASSISTANT_BUDGET_SECONDS", "6");
        environment.put("REDACT_PII", "true");
        environment.put("PARLEY_ASSISTANT_MAX_TOKENS_PER_SESSION", String.valueOf(MAX_TOKENS_PER_SESSION));
        // MicroProfile Fault Tolerance reads io.parley.assistant.control.<Client>/complete/CircuitBreaker/<parameter>: the
        // breakers of OpenAI and Gemini stay closed here, so that one test's failures cannot rest them in the next;
        // Anthropic's keeps the production settings but rests for 2 s only (its test waits that long at its end).
        environment.put("IO_PARLEY_ASSISTANT_CONTROL_OPENAICLIENT_COMPLETE_CIRCUITBREAKER_REQUESTVOLUMETHRESHOLD", "100000");
        environment.put("IO_PARLEY_ASSISTANT_CONTROL_GEMINICLIENT_COMPLETE_CIRCUITBREAKER_REQUESTVOLUMETHRESHOLD", "100000");
        environment.put("IO_PARLEY_ASSISTANT_CONTROL_ANTHROPICCLIENT_COMPLETE_CIRCUITBREAKER_DELAY", String.valueOf(BREAKER_REST_MS));
        parley = OwnParley.start("assistant", environment);
        database = parley.database();
        server = parley.server();
        api = parley.api();
        admin = parley.adminToken();
    }

    @AfterAll
    static void stop() {
        try {
            parley.close();
        } finally {
            llm.stop();
        }
    }

    @AfterEach
    void forgetTheFleet() {
        parley.forgetTheFleet();
        llm.resetAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "gemini", "anthropic"})
    void eachProviderStreamsItsAnswerToTheVisitorWithSuggestions(String provider) {
        String reply = LlmWire.structured(ANSWER, SUGGESTIONS, "answer", 0.9);
        llm.stubFor(streamed(provider).willReturn(sse(switch (provider) {
            case "openai" -> LlmWire.openAiStream(LlmWire.pieces(reply, 12), 152, 48);
            case "gemini" -> LlmWire.geminiStream(LlmWire.pieces(reply, 12), 152, 48);
            default -> LlmWire.anthropicStream(LlmWire.pieces(reply, 12), 152, 48);
        })));
        configure(provider, "sk-test-" + provider + "-key-4711", 0);

        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            String session = visitor.startSession(Map.of("name", "Ada")).path("sessionId").asText();
            Answer answer = ask(visitor, "When are you open?");

            assertThat(answer.streamed()).as("the answer's words, not the JSON around them: " + answer).isEqualTo(ANSWER);
            assertThat(answer.deltas()).hasSizeGreaterThan(1);
            JsonNode message = answer.last().path("message");
            assertThat(answer.last().path("streamId").asText()).isEqualTo(answer.streamId());
            assertThat(message.path("text").asText()).isEqualTo(ANSWER);
            assertThat(message.path("sender").asText()).isEqualTo("bot");
            assertThat(answer.last().path("suggestions")).extracting(JsonNode::asText).containsExactlyElementsOf(SUGGESTIONS);
            assertThat(answer.last().path("responseType").asText()).isEqualTo("llm");

            llm.verify(1, requested(provider).withRequestBody(containing("When are you open?"))
                    .withRequestBody(containing("Reply with one JSON object")));
            JsonNode logged = api.get("/api/admin/accuracy?sessionId=" + session, admin).body().path("items").get(0);
            assertThat(logged.path("responseType").asText()).isEqualTo("llm");
            assertThat(logged.path("provider").asText()).isEqualTo(provider);
            assertThat(logged.path("tokensIn").asInt()).isEqualTo(152);
            assertThat(logged.path("tokensOut").asInt()).isEqualTo(48);
            assertThat(logged.path("confidence").asDouble()).isEqualTo(0.9);
            assertThat(logged.path("firstTokenMs").isNumber()).isTrue();
            assertThat(logged.path("messageId").asText()).isEqualTo(message.path("id").asText());
        }
    }

    @Test
    void whenAProviderFailsItIsTriedOnceMoreAndThenTheNextOneAnswersInPriorityOrder() {
        llm.stubFor(post(urlEqualTo("/openai/v1/chat/completions")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody(LlmWire.openAiError("server_error", "The server had an error"))));
        llm.stubFor(post(urlEqualTo("/gemini/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":401,\"message\":\"API key not valid.\",\"status\":\"UNAUTHENTICATED\"}}")));
        llm.stubFor(streamed("anthropic").willReturn(sse(LlmWire.anthropicStream(LlmWire.pieces(LlmWire.structured(ANSWER, SUGGESTIONS, "answer", 0.8), 5), 90, 20))));
        String openai = configure("openai", "sk-test-openai-key-4711", 0);
        String gemini = configure("gemini", "sk-test-gemini-key-4711", 1);
        String anthropic = configure("anthropic", "sk-test-anthropic-key-4711", 2);

        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            String session = visitor.startSession(Map.of()).path("sessionId").asText();
            Answer answer = ask(visitor, "When are you open?");
            assertThat(answer.last().path("message").path("text").asText()).isEqualTo(ANSWER);
            assertThat(answer.streamed()).isEqualTo(ANSWER);

            llm.verify(2, requested("openai"));
            llm.verify(1, requested("gemini"));
            JsonNode logged = api.get("/api/admin/accuracy?sessionId=" + session, admin).body().path("items").get(0);
            assertThat(logged.path("provider").asText()).isEqualTo("anthropic");
            assertThat(logged.path("failoverAttempts").asInt()).isEqualTo(2);
            assertThat(logged.path("attempts")).extracting(attempt -> attempt.path("provider").asText() + ":" + attempt.path("outcome").asText())
                    .containsExactly("openai:unavailable", "gemini:refused", "anthropic:ok");
        }
        Map<String, JsonNode> health = new HashMap<>();
        api.get("/api/admin/llm-configs", admin).body().forEach(config -> health.put(config.path("id").asText(), config.path("healthStatus")));
        assertThat(health.get(openai).path("status").asText()).isEqualTo("unhealthy");
        assertThat(health.get(openai).path("error").asText()).isEqualTo("openai failed (500)");
        assertThat(health.get(gemini).path("error").asText()).isEqualTo("gemini refused the API key (401)");
        assertThat(health.get(anthropic).path("status").asText()).isEqualTo("healthy");
        assertThat(server.logLines()).as("no API key in the log").noneMatch(line -> line.contains("key-4711"));
    }

    @Test
    void aConfigurationWhoseKeyCannotBeOpenedIsLeftOutAndTheNextOneAnswers() {
        llm.stubFor(streamed("gemini").willReturn(sse(LlmWire.geminiStream(List.of("Sure, ", "we ship ", "worldwide."), 30, 7))));
        String openai = configure("openai", "sk-test-openai-key-4711", 0);
        configure("gemini", "sk-test-gemini-key-4711", 1);
        // the primary's key as a backup of another installation would bring it: sealed with a master key this one lacks
        assertThat(database.update("UPDATE llm_configs SET api_key_sealed = REGEXP_REPLACE(api_key_sealed, '^v1:[^:]+:', 'v1:another-key:')"
                + " WHERE id = ?", openai)).isEqualTo(1);

        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            visitor.startSession(Map.of());
            assertThat(ask(visitor, "Do you ship abroad?").last().path("message").path("text").asText()).isEqualTo("Sure, we ship worldwide.");
        }
        llm.verify(0, requested("openai"));
        llm.verify(1, requested("gemini"));
        JsonNode shown = api.get("/api/admin/llm-configs", admin).body().findParents("id").stream()
                .filter(config -> config.path("id").asText().equals(openai)).findFirst().orElseThrow();
        assertThat(shown.hasNonNull("apiKeyLast4")).as(shown.toString()).isFalse();
        assertThat(shown.path("healthStatus").path("status").asText()).isEqualTo("unhealthy");
        assertThat(shown.path("healthStatus").path("error").asText()).contains("API key cannot be opened");
        assertThat(server.logLines()).anyMatch(line -> line.contains("The API key of LLM configuration " + openai + " cannot be opened")
                && line.contains("another-key"));
        assertThat(server.logLines()).as("no API key in the log").noneMatch(line -> line.contains("key-4711"));
    }

    @Test
    void aProviderThatAsksToBeLeftAloneIsNotAskedAgainUntilThen() {
        llm.stubFor(post(urlEqualTo("/openai/v1/chat/completions")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withHeader("Content-Type", "application/json").withBody(LlmWire.openAiError("rate_limit_exceeded", "Rate limit reached"))));
        llm.stubFor(streamed("gemini").willReturn(sse(LlmWire.geminiStream(List.of("Sure, ", "we ship ", "worldwide."), 30, 7))));
        String openai = configure("openai", "sk-test-openai-key-4711", 0);
        configure("gemini", "sk-test-gemini-key-4711", 1);

        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            visitor.startSession(Map.of());
            assertThat(ask(visitor, "Do you ship abroad?").last().path("message").path("text").asText())
                    .as("a model that ignores the format is taken at its word").isEqualTo("Sure, we ship worldwide.");
            assertThat(ask(visitor, "And to Canada?").last().path("suggestions")).isEmpty();
        }
        llm.verify(1, requested("openai"));
        llm.verify(2, requested("gemini"));
        assertThat(api.get("/api/admin/llm-configs", admin).body()).filteredOn(c -> c.path("id").asText().equals(openai))
                .extracting(c -> c.path("healthStatus").path("status").asText()).containsExactly("rate_limited");
    }

    @Test
    void anAnswerThatBreaksOffMidwayIsNeverAskedAgainAndTheNextProviderAnswersInItsPlace() {
        String reply = LlmWire.structured(ANSWER, SUGGESTIONS, "answer", 0.9);
        llm.stubFor(streamed("openai").willReturn(sse(LlmWire.openAiBrokenStream(LlmWire.pieces(reply, 10).subList(0, 4)))));
        llm.stubFor(streamed("anthropic").willReturn(sse(LlmWire.anthropicOverloadedMidway(LlmWire.pieces(reply, 10).subList(0, 5)))));
        llm.stubFor(streamed("gemini").willReturn(sse(LlmWire.geminiStream(LlmWire.pieces(reply, 6), 40, 12))));
        configure("openai", "sk-test-openai-key-4711", 0);
        configure("anthropic", "sk-test-anthropic-key-4711", 1);
        configure("gemini", "sk-test-gemini-key-4711", 2);

        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            String session = visitor.startSession(Map.of()).path("sessionId").asText();
            Answer answer = ask(visitor, "When are you open?");
            assertThat(answer.streamed()).as("the broken starts, then the whole answer").endsWith(ANSWER).isNotEqualTo(ANSWER);
            assertThat(answer.last().path("message").path("text").asText()).as("what the visitor keeps").isEqualTo(ANSWER);
            llm.verify(1, requested("openai"));
            llm.verify(1, requested("anthropic"));
            assertThat(api.get("/api/admin/accuracy?sessionId=" + session, admin).body().path("items").get(0).path("attempts"))
                    .extracting(attempt -> attempt.path("outcome").asText()).containsExactly("broken_stream", "broken_stream", "ok");
        }
    }

    @Test
    void aProviderThatHangsIsLeftAfterItsTimeoutAndWhenNobodyAnswersTheVisitorIsOfferedAPerson() {
        llm.stubFor(post(urlEqualTo("/openai/v1/chat/completions")).willReturn(aResponse().withFixedDelay(10_000).withStatus(200)));
        llm.stubFor(post(urlEqualTo("/gemini/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":503,\"message\":\"The model is overloaded.\",\"status\":\"UNAVAILABLE\"}}")));
        configure("openai", "sk-test-openai-key-4711", 0);
        configure("gemini", "sk-test-gemini-key-4711", 1);

        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            String session = visitor.startSession(Map.of()).path("sessionId").asText();
            long asked = System.nanoTime();
            Answer answer = ask(visitor, "When are you open?");
            long waitedMs = (System.nanoTime() - asked) / 1_000_000;
            assertThat(answer.type()).isEqualTo("system_message");
            assertThat(answer.last().path("offers")).extracting(JsonNode::asText).containsExactly("agent", "offline_form");
            assertThat(answer.last().path("reason").asText()).isEqualTo("assistant_unavailable");
            assertThat(waitedMs).as("within the budget of 6 s (and a little)").isLessThan(8_000);
            JsonNode logged = api.get("/api/admin/accuracy?sessionId=" + session, admin).body().path("items").get(0);
            assertThat(logged.path("responseType").asText()).isEqualTo("fallback");
            assertThat(logged.path("attempts")).extracting(attempt -> attempt.path("outcome").asText()).containsExactly("unavailable", "unavailable");
            assertThat(logged.path("attempts").get(0).path("error").asText()).isEqualTo("openai did not answer within 2000 ms");
        }
    }

    @Test
    void aProviderThatKeepsFailingIsRestedByItsCircuitBreaker() throws InterruptedException {
        llm.stubFor(post(urlEqualTo("/anthropic/v1/messages")).willReturn(aResponse().withStatus(529)
                .withHeader("Content-Type", "application/json").withBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")));
        llm.stubFor(post(urlEqualTo("/gemini/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(LlmWire.geminiStream(List.of("Fine."), 5, 1))));
        configure("anthropic", "sk-test-anthropic-key-4711", 0);
        configure("gemini", "sk-test-gemini-key-4711", 1);

        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            String session = visitor.startSession(Map.of()).path("sessionId").asText();
            List<String> outcomes = List.of();
            for (int question = 1; question <= 3 && !outcomes.contains("circuit_open"); question++) {
                assertThat(ask(visitor, "Question number " + question + "?").last().path("message").path("text").asText()).isEqualTo("Fine.");
                outcomes = api.get("/api/admin/accuracy?sessionId=" + session, admin).body().path("items").findValuesAsText("outcome");
            }
            assertThat(outcomes).as("three failures of four (a call and its retry count twice) open the breaker").contains("circuit_open");
            int calls = llm.countRequestsMatching(requested("anthropic").build()).getCount();
            ask(visitor, "One more?");
            assertThat(llm.countRequestsMatching(requested("anthropic").build()).getCount()).as("not called while it rests").isEqualTo(calls);
        } finally {
            Thread.sleep(BREAKER_REST_MS + 200);
        }
    }

    @Test
    void whatTheVisitorSaysOfThemselvesIsMaskedForTheProviderAndKeptInTheConversation() {
        llm.stubFor(streamed("openai").willReturn(sse(LlmWire.openAiStream(List.of("Thanks, noted."), 20, 4))));
        configure("openai", "sk-test-openai-key-4711", 0);
        String said = "I am ada@example.com, card 4111 1111 1111 1111, phone +49 30 1234567";
        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            String session = visitor.startSession(Map.of()).path("sessionId").asText();
            ask(visitor, said);
            llm.verify(1, requested("openai").withRequestBody(containing("I am [email], card [card number], phone [phone number]")));
            assertThat(llm.getAllServeEvents()).noneMatch(event -> event.getRequest().getBodyAsString().contains("4111"));
            assertThat(api.get("/api/admin/sessions/" + session + "/messages?afterSeq=0", admin).body())
                    .extracting(message -> message.path("text").asText()).contains(said);
        }
    }

    @Test
    void aConversationGoesToThePeopleWhenTheModelSaysSoWhenItIsUnsureAndWhenTheVisitorAsksForOne() {
        llm.stubFor(streamed("openai").withRequestBody(containing("refund my last three orders"))
                .willReturn(sse(LlmWire.openAiStream(List.of(LlmWire.structured("Let me get a colleague for that.", List.of(), "handoff", 0.9)
                        .replace("\"action\"", "\"reason\":\"refunds need a person\",\"action\"")), 30, 12))));
        llm.stubFor(streamed("openai").withRequestBody(containing("quantum warranty"))
                .willReturn(sse(LlmWire.openAiStream(List.of("```json\n" + LlmWire.structured("Perhaps two years?", List.of("Warranty terms"), "answer", 0.1) + "\n```"), 30, 12))));
        configure("openai", "sk-test-openai-key-4711", 0);

        assertThat(reason(handedOffBecause("Please refund my last three orders"))).isEqualTo("assistant_handoff: refunds need a person");
        String rambling = "because " + "the model would not stop explaining ".repeat(20);
        llm.stubFor(streamed("openai").withRequestBody(containing("cancel everything"))
                .willReturn(sse(LlmWire.openAiStream(List.of(LlmWire.structured("Let me get a colleague for that.", List.of(), "handoff", 0.9)
                        .replace("\"action\"", "\"reason\":\"" + rambling + "\",\"action\"")), 30, 12))));
        assertThat(reason(handedOffBecause("Please cancel everything I ordered"))).as("a reason longer than its column, cut to it")
                .hasSize(200).startsWith("assistant_handoff: because the model").endsWith("…");
        assertThat(reason(handedOffBecause("What is the quantum warranty?"))).isEqualTo("low_confidence");
        int calls = llm.findAll(requested("openai")).size();
        assertThat(reason(handedOffBecause("Can I talk to a real person please?"))).isEqualTo("visitor_asked_for_a_person");
        assertThat(llm.findAll(requested("openai"))).as("no model asked for an answer").hasSize(calls);
    }

    @Test
    void aResolvedConversationNeverGoesBackToTheQueue() {
        llm.stubFor(streamed("openai").willReturn(sse(LlmWire.openAiStream(List.of(LlmWire.structured("A colleague will help.", List.of(), "handoff", 0.9)), 30, 12))));
        configure("openai", "sk-test-openai-key-4711", 0);
        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            String session = visitor.startSession(Map.of()).path("sessionId").asText();
            visitor.say("I need to change my contract");
            visitor.until("system_message", data -> data.has("waitSeconds") || data.has("reason"));
            assertThat(api.call("PUT", "/api/admin/sessions/" + session + "/close", admin, null).body().path("status").asText()).isEqualTo("resolved");
            visitor.until("session_ended", data -> true);
            visitor.send("user_message", Map.of("text", "I need to change my contract", "clientMsgId", "after"), "after");
            assertThat(visitor.until("error", data -> true).path("code").asText()).isEqualTo("session_closed");
            assertThat(database.count("SELECT COUNT(*) FROM session_transitions WHERE session_id = ? AND to_status = 'WAITING_AGENT'", session)).isEqualTo(1);
            assertThat(api.get("/api/admin/sessions/" + session, admin).body().path("status").asText()).isEqualTo("resolved");
        }
        llm.verify(1, requested("openai"));
    }

    @Test
    void theSameQuestionAskedAgainGoesToThePeople() {
        llm.stubFor(streamed("openai").willReturn(sse(LlmWire.openAiStream(List.of(LlmWire.structured("Try turning it off and on.", List.of(), "answer", 0.7)), 30, 12))));
        configure("openai", "sk-test-openai-key-4711", 0);
        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            String session = visitor.startSession(Map.of()).path("sessionId").asText();
            assertThat(ask(visitor, "My router keeps dropping the connection").type()).isEqualTo("bot_message");
            visitor.say("My router keeps dropping the connection!");
            assertThat(visitor.until("system_message", data -> true).path("waitSeconds").asInt()).isPositive();
            assertThat(reason(session)).isEqualTo("repeated_question");
        }
        llm.verify(1, requested("openai"));
    }

    @Test
    void aCannedResponseAnswersWithoutAskingAModel() {
        configure("openai", "sk-test-openai-key-4711", 0);
        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            String session = visitor.startSession(Map.of()).path("sessionId").asText();
            Answer answer = ask(visitor, "hello");
            assertThat(answer.last().path("responseType").asText()).isEqualTo("auto_reply");
            assertThat(answer.deltas()).isEmpty();
            assertThat(api.get("/api/admin/accuracy?sessionId=" + session + "&responseType=auto_reply", admin).body().path("total").asInt()).isEqualTo(1);
        }
        assertThat(llm.getAllServeEvents()).isEmpty();
    }

    @Test
    void theAdminsPromptsAndContextLimitAreWhatTheModelIsSent() {
        // answers only when the admin's prompt is what the model gets
        llm.stubFor(post(urlEqualTo("/gemini/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse"))
                .withRequestBody(matchingJsonPath("$.systemInstruction.parts[0].text", containing("You sell bicycles at Velo & Co.")))
                .willReturn(sse(LlmWire.geminiStream(List.of("Noted."), 10, 2))));
        configure("gemini", "sk-test-gemini-key-4711", 0);
        assertThat(api.post("/api/admin/system-prompt", admin, Map.of("systemPrompt", "You sell bicycles at Velo & Co.")).body().path("systemPrompt").asText())
                .isEqualTo("You sell bicycles at Velo & Co.");
        assertThat(api.post("/api/admin/context-limit", admin, Map.of("contextLimit", 3)).status()).isEqualTo(200);
        assertThat(api.post("/api/admin/context-limit", admin, Map.of("contextLimit", 0)).status()).isEqualTo(400);
        assertThat(api.post("/api/admin/system-prompt", admin, Map.of("systemPrompt", " ")).status()).isEqualTo(400);
        assertThat(api.post("/api/admin/welcome-message", admin, Map.of("welcomeMessage", "Welcome to Velo & Co.!")).status()).isEqualTo(200);
        assertThat(api.get("/api/admin/context-limit", admin).body().path("contextLimit").asInt()).isEqualTo(3);
        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            assertThat(visitor.startSession(Map.of()).path("welcomeMessage").asText()).isEqualTo("Welcome to Velo & Co.!");
            for (String question : List.of("alpha", "beta", "gamma question")) {
                assertThat(ask(visitor, question).last().path("message").path("text").asText()).as(question).isEqualTo("Noted.");
            }
        } finally {
            api.post("/api/admin/context-limit", admin, Map.of("contextLimit", 10));
            api.post("/api/admin/system-prompt", admin, Map.of("systemPrompt", "You are the support assistant of this website."));
        }
        var lastRequest = llm.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertThat(lastRequest).contains("You sell bicycles at Velo & Co.").contains("gamma question").contains("beta").doesNotContain("alpha");
        assertThat(api.get("/api/admin/audit?action=assistant.context-limit", admin).body().path("total").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void visitorsRateAnswersAgentsMarkThemAndAdminsSeeTheFiguresPerProvider() {
        llm.stubFor(streamed("anthropic").willReturn(sse(LlmWire.anthropicStream(List.of(LlmWire.structured(ANSWER, List.of(), "answer", 0.9)), 30, 12))));
        configure("anthropic", "sk-test-anthropic-key-4711", 0);
        String[] agent = newAgent();
        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            String session = visitor.startSession(Map.of()).path("sessionId").asText();
            String messageId = ask(visitor, "When are you open?").last().path("message").path("id").asText();
            assertThat(visitor.request("feedback", Map.of("messageId", messageId, "helpful", true)).path("helpful").asBoolean()).isTrue();
            visitor.send("feedback", Map.of("messageId", "not-an-answer", "helpful", false), "bad");
            assertThat(visitor.until("error", data -> true).path("code").asText()).isEqualTo("not_found");

            JsonNode marked = api.call("PUT", "/api/admin/accuracy/" + messageId + "/mark", agent[1], Map.of("correct", false, "comment", "We close at 18:00")).body();
            assertThat(marked.path("humanMark").asText()).isEqualTo("incorrect");
            assertThat(marked.path("helpful").asBoolean()).isTrue();
            assertThat(api.call("PUT", "/api/admin/accuracy/" + messageId + "/mark", agent[1], Map.of("comment", "no verdict")).status()).isEqualTo(400);
            assertThat(api.get("/api/admin/accuracy", agent[1]).status()).as("the log itself is for admins").isEqualTo(403);
            assertThat(api.get("/api/admin/audit?action=accuracy.mark", admin).body().path("items").get(0).path("detail").asText())
                    .isEqualTo("incorrect: We close at 18:00");

            String[] colleague = newAgent();
            assertThat(api.call("PUT", "/api/admin/sessions/" + session + "/assign", admin, Map.of("agentId", colleague[0])).status()).isEqualTo(200);
            assertThat(api.call("PUT", "/api/admin/accuracy/" + messageId + "/mark", agent[1], Map.of("correct", true)).status())
                    .as("an answer in a colleague's conversation is not the agent's to mark").isEqualTo(404);
            assertThat(api.call("PUT", "/api/admin/accuracy/" + messageId + "/mark", colleague[1], Map.of("correct", true)).body().path("humanMark").asText())
                    .isEqualTo("correct");
        }
        JsonNode figures = api.get("/api/admin/accuracy/providers", admin).body();
        assertThat(figures.findValuesAsText("provider")).contains("anthropic");
        assertThat(api.get("/api/admin/accuracy?provider=nonsense", admin).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "gemini", "anthropic"})
    void aCheckAsksTheModelForAWholeAnswerAndKeepsTheOutcome(String provider) {
        String path = switch (provider) {
            case "openai" -> "/openai/v1/chat/completions";
            case "gemini" -> "/gemini/v1beta/models/gemini-2.0-flash:generateContent";
            default -> "/anthropic/v1/messages";
        };
        llm.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(switch (provider) {
            case "openai" -> LlmWire.openAiCompletion("OK", 20, 1);
            case "gemini" -> LlmWire.geminiResponse("OK", 20, 1);
            default -> LlmWire.anthropicMessage("OK", 20, 1);
        })));
        String id = configure(provider, "sk-test-" + provider + "-key-4711", 0);
        JsonNode checked = api.post("/api/admin/llm-config/" + id + "/check", admin, null).body();
        assertThat(checked.path("healthStatus").path("status").asText()).as(checked.toString()).isEqualTo("healthy");
        assertThat(checked.path("healthStatus").path("latencyMs").isInt()).isTrue();
        assertThat(llm.getAllServeEvents().get(0).getRequest().getBodyAsString()).doesNotContain("\"stream\"");

        llm.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("{}")));
        JsonNode refused = api.post("/api/admin/llm-config/" + id + "/check", admin, null).body();
        assertThat(refused.path("healthStatus").path("status").asText()).isEqualTo("unhealthy");
        assertThat(refused.path("healthStatus").path("error").asText()).isEqualTo(provider + " refused the API key (401)");
        assertThat(api.post("/api/admin/llm-config/unknown/check", admin, null).status()).isEqualTo(404);
    }

    @Test
    void anImageTheVisitorSendsGoesToTheModelWithTheImagePromptOnceWithItsOwnMessage() {
        llm.stubFor(streamed("openai").willReturn(sse(LlmWire.openAiStream(List.of("That label says: fragile."), 900, 8))));
        configure("openai", "sk-test-openai-key-4711", 0);
        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            JsonNode started = visitor.startSession(Map.of());
            var sent = api.raw("POST", "/api/chat/attachments", Map.of("X-Parley-Session", started.path("sessionId").asText(),
                    "X-Parley-Session-Token", started.path("sessionToken").asText(), "Content-Type", "image/png"), Images.PNG);
            assertThat(sent.statusCode()).isEqualTo(201);
            String url = new String(sent.body(), StandardCharsets.UTF_8).replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");
            visitor.request("user_message", Map.of("text", "What does this label say?", "clientMsgId", "label", "attachmentUrl", url));
            assertThat(visitor.until("bot_message", data -> true).path("message").path("text").asText()).isEqualTo("That label says: fragile.");

            visitor.say("And what does fragile mean?");
            visitor.until("bot_message", data -> true);
            JsonNode again = visitor.answer("user_message", Map.of("text", "Look again", "clientMsgId", "label-again", "attachmentUrl", url));
            assertThat(again.path("data").path("code").asText()).as("an image goes with one message: %s", again).isEqualTo("attachment_used");
            assertThat(visitor.request("user_message", Map.of("text", "What does this label say?", "clientMsgId", "label", "attachmentUrl", url))
                    .path("message").path("seq").asLong()).as("sending the same message again is still the same message").isEqualTo(1);
        }
        llm.verify(2, requested("openai"));
        llm.verify(1, requested("openai")
                .withRequestBody(matchingJsonPath("$.messages[1].content[1].image_url.url",
                        equalTo("data:image/png;base64," + Base64.getEncoder().encodeToString(Images.PNG))))
                .withRequestBody(matchingJsonPath("$.messages[1].content[0].text", containing("The visitor sent this image."))));
        llm.verify(1, requested("openai").withRequestBody(containing("And what does fragile mean?"))
                .withRequestBody(notContaining("image_url")));
    }

    @Test
    void questionsSentWhileOneIsBeingAnsweredAreAnsweredTogetherOnceInOrder() {
        llm.stubFor(streamed("openai").willReturn(sse(LlmWire.openAiStream(List.of("One moment, here it is."), 30, 7)).withFixedDelay(1500)));
        configure("openai", "sk-test-openai-key-4711", 0);
        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            visitor.startSession(Map.of());
            for (String question : List.of("first question", "second question", "third question", "fourth question")) {
                visitor.say(question);
            }
            visitor.until("bot_message", data -> true);
            visitor.until("bot_message", data -> true);
            assertThat(visitor.drain(Duration.ofSeconds(3))).as("no third answer").noneMatch(frame -> frame.path("type").asText().equals("bot_message"));
        }
        List<String> asked = llm.findAll(requested("openai")).stream().map(request -> request.getBodyAsString()).toList();
        assertThat(asked).as("four questions, at most two answers under way one after the other").hasSize(2);
        String last = asked.get(1);
        assertThat(last.indexOf("second question")).as("the waiting ones together, in order: %s", last).isPositive()
                .isLessThan(last.indexOf("third question"));
        assertThat(last.indexOf("third question")).isLessThan(last.indexOf("fourth question"));
    }

    @Test
    void onceAConversationHasSpentItsBudgetNoModelIsAskedAndTheVisitorIsOfferedAPersonWithTheCostInTheLog() {
        llm.stubFor(streamed("openai").willReturn(sse(LlmWire.openAiStream(List.of("Here is a long answer."), 1400, 200))));
        configure("openai", "sk-test-openai-key-4711", 0);
        String[] agent = newAgent();
        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            String session = visitor.startSession(Map.of()).path("sessionId").asText();
            assertThat(ask(visitor, "Tell me everything").type()).isEqualTo("bot_message");
            assertThat(ask(visitor, "And more").type()).isEqualTo("bot_message");
            Answer spent = ask(visitor, "And even more");
            assertThat(spent.type()).as("3,200 tokens spent of %s", MAX_TOKENS_PER_SESSION).isEqualTo("system_message");
            assertThat(spent.last().path("reason").asText()).isEqualTo("assistant_limit");
            assertThat(spent.last().path("offers")).extracting(JsonNode::asText).containsExactly("agent", "offline_form");
            assertThat(spent.last().path("message").path("text").asText()).contains("can't answer more questions");
            llm.verify(2, requested("openai"));

            JsonNode cost = api.get("/api/admin/accuracy/sessions/" + session + "/cost", admin).body();
            assertThat(cost.path("modelCalls").asLong()).isEqualTo(2);
            assertThat(cost.path("tokensIn").asLong()).isEqualTo(2800);
            assertThat(cost.path("tokensOut").asLong()).isEqualTo(400);
            assertThat(api.get("/api/admin/accuracy/sessions/" + session + "/cost", agent[1]).status()).as("agents").isEqualTo(403);
            assertThat(api.get("/api/admin/accuracy/sessions/" + session + "/cost", null).status()).as("anonymous").isEqualTo(401);
        }
    }

    /** Asks, sees the conversation go to the people, and answers with the session. */
    private String handedOffBecause(String question) {
        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            String session = visitor.startSession(Map.of()).path("sessionId").asText();
            visitor.say(question);
            JsonNode waiting = visitor.until("system_message", data -> data.has("waitSeconds") || data.has("reason"));
            assertThat(waiting.path("message").path("sender").asText()).isEqualTo("system");
            assertThat(api.get("/api/admin/sessions/" + session, admin).body().path("status").asText()).isEqualTo("waiting_agent");
            return session;
        }
    }

    private static String reason(String session) {
        return (String) database.query("SELECT reason FROM session_transitions WHERE session_id = ? AND to_status = 'WAITING_AGENT'", session)
                .get(0).get("reason");
    }

    private static String[] newAgent() {
        String email = "agent-" + System.nanoTime() + "@example.com";
        String id = api.createUser(admin, email, "agent of the assistant tests", "agent");
        return new String[] {id, api.login(email, "agent of the assistant tests")};
    }

    /** The provider's request for a streamed answer, wherever its path says so. */
    static MappingBuilder streamed(String provider) {
        return switch (provider) {
            case "openai" -> post(urlEqualTo("/openai/v1/chat/completions"))
                    .withHeader("Authorization", equalTo("Bearer sk-test-openai-key-4711"))
                    .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                    .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                    .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")));
            case "gemini" -> post(urlEqualTo("/gemini/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse"))
                    .withHeader("x-goog-api-key", equalTo("sk-test-gemini-key-4711"))
                    .withRequestBody(matchingJsonPath("$.systemInstruction.parts[0].text", containing("support assistant")))
                    .withRequestBody(matchingJsonPath("$.contents[0].role", equalTo("user")));
            default -> post(urlEqualTo("/anthropic/v1/messages"))
                    .withHeader("x-api-key", equalTo("sk-test-anthropic-key-4711"))
                    .withHeader("anthropic-version", equalTo("2023-06-01"))
                    .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                    .withRequestBody(matchingJsonPath("$.max_tokens"))
                    .withRequestBody(matchingJsonPath("$.system", containing("support assistant")));
        };
    }

    /** The provider asked to answer a visitor (not to sum a conversation up at handoff). */
    static RequestPatternBuilder requested(String provider) {
        return postRequestedFor(urlEqualTo(switch (provider) {
            case "openai" -> "/openai/v1/chat/completions";
            case "gemini" -> "/gemini/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse";
            default -> "/anthropic/v1/messages";
        })).withRequestBody(notContaining(LlmWire.SUMMARY_INSTRUCTION));
    }

    static ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body).withChunkedDribbleDelay(6, 120);
    }

    /** Adds a configuration of {@code provider} pointing at WireMock; the first one is the primary. */
    static String configure(String provider, String key, int priority) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("provider", provider);
        config.put("model", switch (provider) {
            case "openai" -> "gpt-4o-mini";
            case "gemini" -> "gemini-2.0-flash";
            default -> "claude-3-5-haiku-latest";
        });
        config.put("baseUrl", llm.baseUrl() + "/" + provider + (provider.equals("gemini") ? "/v1beta" : "/v1"));
        config.put("apiKey", key);
        config.put("priority", priority);
        config.put("timeoutMs", 2000);
        config.put("enabled", true);
        Api.Reply created = api.post("/api/admin/llm-config", admin, config);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().path("id").asText();
    }

    /** Sends the visitor's message and collects what the assistant streams until its answer (or the message instead). */
    static Answer ask(ChatClient visitor, String text) {
        visitor.say(text);
        List<String> deltas = new ArrayList<>();
        String streamId = null;
        while (true) {
            JsonNode frame = visitor.next();
            String type = frame.path("type").asText();
            if (type.equals("bot_stream")) {
                deltas.add(frame.path("data").path("delta").asText());
                streamId = frame.path("data").path("streamId").asText();
            } else if (type.equals("bot_message") || type.equals("system_message")) {
                return new Answer(deltas, streamId, type, frame.path("data"));
            }
        }
    }

    record Answer(List<String> deltas, String streamId, String type, JsonNode last) {

        String streamed() {
            return String.join("", deltas);
        }
    }
}
