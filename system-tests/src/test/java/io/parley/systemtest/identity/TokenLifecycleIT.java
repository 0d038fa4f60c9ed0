package io.parley.systemtest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.Api.Reply;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.ChatClient.Closure;
import io.parley.systemtest.support.OwnParley;
import io.parley.systemtest.support.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A person signs out everywhere; an admin rotates the key that signs tokens. On a server of its own, because a rotation
 * changes the keys every later test of a shared server would sign with.
 */
class TokenLifecycleIT {

    private static final int UNAUTHORIZED = 4401;
    private static final String PASSWORD = "lifecycle passphrase of the tests 9Lm";
    private static OwnParley parley;
    private static Api api;

    @BeforeAll
    static void start() {
        parley = OwnParley.start("token-lifecycle", Map.of());
        api = parley.api();
    }

    @AfterAll
    static void stop() {
        parley.close();
    }

    @Test
    void signingOutEverywhereEndsEveryTokenAndSocketOfThatPersonOnly() {
        String admin = parley.freshAdminToken();
        String email = person(admin, "leaving");
        String first = api.login(email, PASSWORD);
        String second = api.login(email, PASSWORD);
        String[] colleague = parley.newAgent("colleague");
        try (ChatClient socket = parley.agentSocket(first); ChatClient colleagues = parley.agentSocket(colleague[1])) {
            assertThat(api.post("/api/me/sign-out-everywhere", second, null).status()).isEqualTo(204);

            Closure closure = socket.awaitClose(Duration.ofSeconds(5));
            assertThat(closure.code()).as("their open console socket is closed as unauthorised").isEqualTo(UNAUTHORIZED);
            assertThat(closure.reason()).contains("signed out everywhere");
            assertThat(colleagues.request("join_admin_feed", Map.of()).path("feed").asBoolean()).as("a colleague's socket stays").isTrue();
        }
        assertThat(api.get("/api/me", first).status()).as("another device's token").isEqualTo(401);
        assertThat(api.get("/api/me", second).status()).as("the token it was asked with").isEqualTo(401);
        try (ChatClient again = ChatClient.connect(parley.server().ws("/ws/agent"))) {
            again.send("agent_auth", Map.of("token", first), "a1");
            assertThat(again.awaitClose(Duration.ofSeconds(5)).code()).as("a new socket with an old token").isEqualTo(UNAUTHORIZED);
        }
        assertThat(api.get("/api/me", api.login(email, PASSWORD)).status()).as("a new sign-in works").isEqualTo(200);
        assertThat(api.get("/api/me", colleague[1]).status()).as("nobody else is signed out").isEqualTo(200);
        assertThat(api.get("/api/admin/audit?action=user.sign-out-everywhere", admin).body().path("items"))
                .anySatisfy(entry -> assertThat(entry.path("target").asText()).isNotBlank());
    }

    @Test
    void signingOutEverywhereNeedsASignIn() {
        assertThat(api.post("/api/me/sign-out-everywhere", null, null).status()).isEqualTo(401);
        assertThat(api.post("/api/me/sign-out-everywhere", "not.a.token", null).status()).isEqualTo(401);
    }

    @Test
    void aRotatedKeySignsNewTokensWhileTokensSignedBeforeKeepWorking() throws InterruptedException {
        String admin = parley.freshAdminToken();
        String agentBefore = api.login(person(admin, "before"), PASSWORD);
        String oldKey = Tokens.header(admin).path("kid").asText();

        Reply rotated = api.post("/api/admin/signing-keys/rotate", admin, null);
        assertThat(rotated.status()).isEqualTo(200);
        String newKey = rotated.body().path("keyId").asText();
        assertThat(newKey).isNotBlank().isNotEqualTo(oldKey);
        Instant signsFrom = Instant.parse(rotated.body().path("signsFrom").asText());
        assertThat(rotated.raw()).as("nothing secret in the answer").doesNotContain("private").doesNotContain("v1:");

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), signsFrom).toMillis()) + 500);
        String after = parley.freshAdminToken();
        assertThat(Tokens.header(after).path("kid").asText()).as("a token signed after the rotation").isEqualTo(newKey);
        assertThat(api.get("/api/me", after).status()).as("works at once over HTTP").isEqualTo(200);
        try (ChatClient socket = parley.agentSocket(after)) {
            assertThat(socket.isOpen()).as("and on the console socket").isTrue();
        }
        assertThat(api.get("/api/me", admin).status()).as("a token signed before still works").isEqualTo(200);
        assertThat(api.get("/api/me", agentBefore).status()).isEqualTo(200);
        try (ChatClient socket = parley.agentSocket(agentBefore)) {
            assertThat(socket.isOpen()).isTrue();
        }
        JsonNode audit = api.get("/api/admin/audit?action=signing-key.rotate", after).body().path("items");
        assertThat(audit).anySatisfy(entry -> assertThat(entry.path("target").asText()).isEqualTo(newKey));
        assertThat(parley.server().logLines()).as("no private key in the log").noneMatch(line -> line.contains("PRIVATE KEY") || line.contains("MII"));
    }

    @Test
    void onlyAdminsRotateTheSigningKey() {
        String[] agent = parley.newAgent("rotator");
        assertThat(api.post("/api/admin/signing-keys/rotate", agent[1], null).status()).isEqualTo(403);
        assertThat(api.post("/api/admin/signing-keys/rotate", null, null).status()).isEqualTo(401);
    }

    private static String person(String admin, String name) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        api.createUser(admin, email, PASSWORD, "agent");
        return email;
    }
}
