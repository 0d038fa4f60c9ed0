package io.parley.systemtest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.ChatClient.Closure;
import io.parley.systemtest.support.ParleyOnMariaDb;
import io.parley.systemtest.support.ParleyOnMariaDb.RunningParley;
import io.parley.systemtest.support.Tokens;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The console's WebSocket accepts nothing before a good token, and closes within five seconds on anything else. */
@ExtendWith(ParleyOnMariaDb.class)
class AgentSocketIT {

    private static final int UNAUTHORIZED = 4401;
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static RunningParley parley;
    private static Api api;
    private static String agentToken;

    @BeforeAll
    static void anAgent(RunningParley running) {
        parley = running;
        api = running.api();
        agentToken = running.newAgent("socket")[1];
    }

    @AfterAll
    static void noServerErrors() {
        parley.server().assertLogClean();
    }

    private static ChatClient connect() {
        return ChatClient.connect(parley.server().ws("/ws/agent"));
    }

    @Test
    void aGoodTokenIsWelcomedAndTheSocketStaysOpen() {
        try (ChatClient agent = connect()) {
            agent.send("agent_auth", Map.of("token", agentToken), "a1");
            JsonNode welcome = agent.next("agent_authenticated");
            assertThat(welcome.path("data").path("user").path("roles")).extracting(JsonNode::asText).containsExactly("agent");
            assertThat(agent.next("ack").path("ref").asText()).isEqualTo("a1");
            agent.send("no_such_thing", Map.of(), "a2");
            assertThat(agent.next("error").path("data").path("code").asText()).isEqualTo("unknown_type");
            assertThat(agent.isOpen()).isTrue();
        }
    }

    @Test
    void silenceIsClosedAfterTheDeadline() {
        try (ChatClient agent = connect()) {
            long start = System.nanoTime();
            Closure closure = agent.awaitClose(DEADLINE.plus(GRACE));
            assertThat(closure.code()).isEqualTo(UNAUTHORIZED);
            assertThat(closure.reason()).isEqualTo("authentication timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DEADLINE.minusMillis(500));
        }
    }

    @Test
    void anythingBeforeAuthenticationIsRefused() {
        try (ChatClient agent = connect()) {
            agent.send("user_message", Map.of("text", "hi", "clientMsgId", "m1"), "r1");
            Closure closure = agent.awaitClose(GRACE);
            assertThat(closure.code()).isEqualTo(UNAUTHORIZED);
            assertThat(closure.reason()).startsWith("authenticate first");
        }
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("no token", (UnaryOperator<String>) token -> null, "token missing"),
                Arguments.of("not a token", (UnaryOperator<String>) token -> "garbage", "token malformed"),
                Arguments.of("alg none", (UnaryOperator<String>) Tokens::unsigned, "token algorithm not accepted"),
                Arguments.of("another key", (UnaryOperator<String>) Tokens::signedWithAnotherKey, "token signature invalid"),
                Arguments.of("altered claims", (UnaryOperator<String>) Tokens::withAlteredClaims, "token signature invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadTokenClosesTheSocketWithTheReasonAndIsRefusedOverHttpToo(String what, UnaryOperator<String> forge, String reason) {
        String forged = forge.apply(agentToken);
        try (ChatClient agent = connect()) {
            agent.send("agent_auth", forged == null ? Map.of() : Map.of("token", forged), "a1");
            Closure closure = agent.awaitClose(GRACE);
            assertThat(closure.code()).isEqualTo(UNAUTHORIZED);
            assertThat(closure.reason()).isEqualTo(reason);
        }
        if (forged != null) {
            assertThat(api.get("/api/me", forged).status()).isEqualTo(401);
        }
    }

    @Test
    void aDeactivatedPersonsTokenIsRefused() {
        String[] leaver = parley.newAgent("gone");
        api.call("PUT", "/api/admin/users/" + leaver[0] + "/active", parley.adminToken(), Map.of("active", false));
        String token = leaver[1];
        try (ChatClient agent = connect()) {
            agent.send("agent_auth", Map.of("token", token), "a1");
            Closure closure = agent.awaitClose(GRACE);
            assertThat(closure.code()).isEqualTo(UNAUTHORIZED);
            assertThat(closure.reason()).contains("deactivated");
        }
    }
}
