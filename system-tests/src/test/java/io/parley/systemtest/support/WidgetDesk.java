package io.parley.systemtest.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives the widget's browser tests their desk, one per run: a Parley of their own (short countdown, so that "nobody
 * came" happens within a test) with OpenAI's wire replayed by WireMock, reached through a {@link TcpRelay} that a test
 * can cut. Pages load the widget from {@code http://localhost:<relay>}.
 */
public final class WidgetDesk implements ParameterResolver {

    /** The visitor's countdown for a person on this desk. */
    public static final int COUNTDOWN_SECONDS = 12;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningDesk.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningDesk.class, key -> RunningDesk.start(), RunningDesk.class);
    }

    /** A named visitor writes, then asks for a person; their session's id. */
    public static String asksForAPerson(ChatClient visitor, String name) {
        String session = visitor.startSession(Map.of("name", name)).path("sessionId").asText();
        visitor.say("Hello, I have a question about my order");
        visitor.request("request_agent", Map.of());
        return session;
    }

    /**
     * Waits into the next second. MySQL's Connector/J stores no fractions of a second on MariaDB 10 (it takes the
     * server for MySQL 5.5 from the "5.5.5-" its version starts with; docs/operations.md): two visitors who ask for a
     * person in the same second wait equally long there, and the queue's order between them is the sessions' ids.
     */
    public static void aSecondLater() {
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** An agent at the desk: their console socket, and online until closed (so that no test leaves one behind). */
    public record OnlineAgent(ChatClient socket, String token, Api api) implements AutoCloseable {

        public JsonNode request(String type, Object data) {
            return socket.request(type, data);
        }

        public JsonNode until(String type, java.util.function.Predicate<JsonNode> matches) {
            return socket.until(type, matches);
        }

        @Override
        public void close() {
            try {
                api.call("PUT", "/api/agents/me/status", token, Map.of("status", "offline"));
            } finally {
                socket.close();
            }
        }
    }

    /** Someone who can sign in to the console. */
    public record Account(String id, String email, String password) {
    }

    public record RunningDesk(OwnParley parley, WireMockServer llm, TcpRelay relay) implements ExtensionContext.Store.CloseableResource {

        static RunningDesk start() {
            WireMockServer llm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            llm.start();
            // OpenAI's circuit breaker stays closed here, so that the test in which the assistant fails does not rest it for the next
            OwnParley parley = OwnParley.start("widget", Map.of("PARLEY_ROUTING_REQUEST_TIMEOUT_SECONDS", String.valueOf(COUNTDOWN_SECONDS),
                    "IO_PARLEY_ASSISTANT_CONTROL_OPENAICLIENT_COMPLETE_CIRCUITBREAKER_REQUESTVOLUMETHRESHOLD", "100000"));
            RunningDesk desk = new RunningDesk(parley, llm, new TcpRelay(parley.server().http("/").getPort()));
            Api.Reply created = parley.api().post("/api/admin/llm-config", parley.adminToken(), Map.of("provider", "openai",
                    "model", "gpt-4o-mini", "baseUrl", llm.baseUrl() + "/v1", "apiKey", "sk-test-widget-4711", "priority", 0,
                    "timeoutMs", 5000, "enabled", true));
            if (created.status() != 201) {
                desk.close();
                throw new AssertionError("Configuring the assistant failed: " + created);
            }
            return desk;
        }

        /** A page of this server, as the browser reaches it (through the relay). */
        public String url(String path) {
            return "http://localhost:" + relay.port() + path;
        }

        public Api api() {
            return parley.api();
        }

        public String admin() {
            return parley.adminToken();
        }

        /** From now on the assistant answers every question with this, streamed in pieces, with these suggestions. */
        public void answers(String text, List<String> suggestions) {
            llm.resetAll();
            String reply = LlmWire.structured(text, suggestions, "answer", 0.9);
            llm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(LlmWire.openAiStream(LlmWire.pieces(reply, 10), 40, 20)).withChunkedDribbleDelay(10, 1500)));
            summarises("The visitor asked for a person.");
        }

        /** From now on the fleet sums a conversation up with this when a visitor is handed to a person (after {@link #answers}). */
        public void summarises(String summary) {
            llm.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(LlmWire.SUMMARY_INSTRUCTION))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(LlmWire.openAiCompletion(summary, 300, 40))));
        }

        /** From now on the assistant's provider fails (500 to every question), so the assistant cannot answer. */
        public void cannotAnswer() {
            llm.resetAll();
            llm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)
                    .withHeader("Content-Type", "application/json").withBody(LlmWire.openAiError("server_error", "The server had an error"))));
        }

        /** A new agent with this display name, signed in: {@code [id, token]}. */
        public String[] newAgent(String name) {
            Account account = newAccount(name, "agent");
            return new String[] {account.id(), api().login(account.email(), account.password())};
        }

        /** A new person with this display name and role, to sign in with in a browser. */
        public Account newAccount(String name, String role) {
            String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            String password = "agent of the widget tests";
            Api.Reply created = api().post("/api/auth/signup", admin(), Map.of("email", email, "name", name, "password", password,
                    "roles", List.of(role)));
            if (created.status() != 201) {
                throw new AssertionError("Creating " + name + " failed: " + created);
            }
            return new Account(created.body().path("id").asText(), email, password);
        }

        /** A signed-in agent, online, with their console socket; closing it sets them offline again. */
        public OnlineAgent onlineAgent(String token) {
            Api.Reply online = api().call("PUT", "/api/agents/me/status", token, Map.of("status", "online"));
            if (online.status() != 200) {
                throw new AssertionError("Going online failed: " + online);
            }
            ChatClient socket = ChatClient.connect(parley.server().ws("/ws/agent"));
            socket.authenticate(token);
            return new OnlineAgent(socket, token, api());
        }

        /**
         * Sets someone who went online in a browser offline again, so that routing offers the next test's visitors to
         * nobody a finished test left behind (closing the browser does not change their status).
         */
        public void offline(Account account) {
            api().call("PUT", "/api/agents/me/status", api().login(account.email(), account.password()), Map.of("status", "offline"));
        }

        /** A canned response agents can insert with "/" and its trigger. */
        public void cannedResponse(String trigger, String response) {
            Api.Reply created = api().post("/api/canned-responses", admin(), Map.of("trigger", trigger, "response", response, "matchType", "exact"));
            if (created.status() != 201) {
                throw new AssertionError("Creating the canned response " + trigger + " failed: " + created);
            }
        }

        /** A session as the inbox shows it to the admin. */
        public JsonNode sessionOf(String sessionId) {
            return api().get("/api/admin/sessions/" + sessionId, admin()).body();
        }

        @Override
        public void close() {
            try {
                relay.close();
                parley.close();
            } finally {
                llm.stop();
            }
        }
    }
}
