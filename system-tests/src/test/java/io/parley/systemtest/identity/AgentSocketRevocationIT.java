package io.parley.systemtest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.ChatClient.Closure;
import io.parley.systemtest.support.OwnParley;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An open console socket lives no longer than the right it was opened with: when the person is deactivated, their
 * roles change, their password changes or their token expires, every socket of theirs is closed with 4401 and the
 * reason within seconds, and everybody else's stays open and keeps working.
 * <p>
 * On a server of its own where a token lives one minute ({@code PARLEY_AUTH_TOKEN_MINUTES=1}), so that expiry can be
 * watched; every test signs in afresh.
 */
class AgentSocketRevocationIT {

    private static final int UNAUTHORIZED = 4401;
    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final String PASSWORD = "revocation passphrase of the tests 4Kq";
    private static OwnParley parley;
    private static Api api;

    @BeforeAll
    static void start() {
        parley = OwnParley.start("socket-revocation", Map.of("PARLEY_AUTH_TOKEN_MINUTES", "1"));
        api = parley.api();
    }

    @AfterAll
    static void stop() {
        parley.close();
    }

    /** What takes a person's right away, how, and what the close reason must say. */
    enum Revocation {
        DEACTIVATED("deactivated", "agent") {
            @Override
            void apply(Person person, String admin) {
                assertThat(api.call("PUT", "/api/admin/users/" + person.id() + "/active", admin, Map.of("active", false)).status())
                        .as("the admin deactivates them").isEqualTo(200);
            }
        },
        ROLES_CHANGED("role", "admin") {
            @Override
            void apply(Person person, String admin) {
                assertThat(api.call("PUT", "/api/admin/users/" + person.id() + "/roles", admin, Map.of("roles", List.of("agent"))).status())
                        .as("the admin makes an admin an agent only").isEqualTo(200);
            }
        },
        PASSWORD_CHANGED("password", "agent") {
            @Override
            void apply(Person person, String admin) {
                int status = api.post("/api/me/password", person.token(),
                        Map.of("currentPassword", PASSWORD, "newPassword", "a brand new passphrase 7Zr")).status();
                assertThat(status).as("they change their own password").isBetween(200, 204);
            }
        };

        final String reasonSays;
        final String role;

        Revocation(String reasonSays, String role) {
            this.reasonSays = reasonSays;
            this.role = role;
        }

        abstract void apply(Person person, String admin);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Revocation.class)
    void everySocketOfAPersonWhoseRightIsTakenAwayIsClosedAndNobodyElses(Revocation revocation) {
        String admin = parley.freshAdminToken();
        Person person = person(admin, revocation.name().toLowerCase(), revocation.role);
        Person colleague = person(admin, "colleague", "agent");
        try (ChatClient onFeed = socket(person.token(), true); ChatClient plain = socket(person.token(), false);
             ChatClient colleagues = socket(colleague.token(), true); ChatClient admins = socket(admin, true)) {
            revocation.apply(person, admin);

            for (ChatClient theirs : List.of(onFeed, plain)) {
                Closure closure = theirs.awaitClose(WITHIN);
                assertThat(closure.code()).as("%s: their socket is closed as unauthorised", revocation).isEqualTo(UNAUTHORIZED);
                assertThat(closure.reason()).as("%s: the close says why", revocation).containsIgnoringCase(revocation.reasonSays);
            }
            assertThat(api.get("/api/me", person.token()).status()).as("their token is refused over HTTP too").isEqualTo(401);
            assertStillServed(colleagues, "a colleague's socket");
            assertStillServed(admins, "the admin's socket");
        }
    }

    @Test
    void aSocketIsClosedWhenItsTokenExpiresWhileALaterSignInStaysOpen() throws InterruptedException {
        String admin = parley.freshAdminToken();
        Person early = person(admin, "early", "agent");
        Instant expiresAt = early.expiresAt();
        assertThat(Duration.between(Instant.now(), expiresAt)).as("a token lives one minute here").isBetween(Duration.ofSeconds(40), Duration.ofSeconds(61));
        try (ChatClient expiring = socket(early.token(), true)) {
            // the colleague signs in 25 s before the first token runs out, so that theirs still has 35 s to go
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt.minusSeconds(25)).toMillis()));
            String laterAdmin = parley.freshAdminToken();
            Person later = person(laterAdmin, "later", "agent");
            try (ChatClient staying = socket(later.token(), true); ChatClient admins = socket(laterAdmin, true)) {
                assertThat(expiring.isOpen()).as("open until the token expires").isTrue();

                Closure closure = expiring.awaitClose(Duration.between(Instant.now(), expiresAt.plusSeconds(10)));
                Instant closedAt = Instant.now();
                assertThat(closure.code()).as("an expired token's socket is closed as unauthorised").isEqualTo(UNAUTHORIZED);
                assertThat(closure.reason()).as("the close says why").containsIgnoringCase("expired");
                assertThat(closedAt).as("closed when the token expired (%s), not before and within seconds after", expiresAt)
                        .isBetween(expiresAt.minusSeconds(2), expiresAt.plusSeconds(10));
                assertStillServed(staying, "a socket signed in later");
                assertStillServed(admins, "the admin's socket signed in later");
            }
        }
    }

    private static void assertStillServed(ChatClient socket, String whose) {
        assertThat(socket.isOpen()).as("%s stays open", whose).isTrue();
        assertThat(socket.request("join_admin_feed", Map.of()).path("feed").asBoolean()).as("%s still answers", whose).isTrue();
    }

    private static ChatClient socket(String token, boolean feed) {
        ChatClient socket = parley.agentSocket(token);
        if (feed) {
            socket.request("join_admin_feed", Map.of());
        }
        return socket;
    }

    /** A new person with one role, signed in with {@link #PASSWORD}. */
    private static Person person(String admin, String name, String role) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String id = api.createUser(admin, email, PASSWORD, role);
        Api.Reply login = api.post("/api/auth/login", null, Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).as("%s signs in", email).isEqualTo(200);
        JsonNode body = login.body();
        return new Person(id, body.path("token").asText(), Instant.parse(body.path("expiresAt").asText()));
    }

    private record Person(String id, String token, Instant expiresAt) {
    }
}
