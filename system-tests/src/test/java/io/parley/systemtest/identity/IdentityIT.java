package io.parley.systemtest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.Api.Reply;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.ParleyEnvironment;
import io.parley.systemtest.support.ParleyOnMariaDb;
import io.parley.systemtest.support.ParleyOnMariaDb.RunningParley;
import io.parley.systemtest.support.RawHttp;
import io.parley.systemtest.support.Tokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** People behind the console: sign-in, tokens, roles, deactivation, preferences, the audit log — over HTTP, checked in MariaDB. */
@ExtendWith(ParleyOnMariaDb.class)
class IdentityIT {

    private static final String PASSWORD = "a decent passphrase 42";
    private static RunningParley parley;
    private static Api api;

    @BeforeAll
    static void server(RunningParley running) {
        parley = running;
        api = running.api();
    }

    @AfterAll
    static void noServerErrorsAndNoPasswordInTheLog() {
        parley.server().assertLogClean();
        assertThat(parley.server().logLines()).noneMatch(line -> line.contains(ParleyEnvironment.ADMIN_PASSWORD) || line.contains(PASSWORD));
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void theFirstAdminSignsInAndGetsASignedTokenThatCarriesTheRoles() {
        Reply login = api.post("/api/auth/login", null, Map.of("email", "ADMIN@parley.test ", "password", ParleyEnvironment.ADMIN_PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        String token = login.body().path("token").asText();
        assertThat(Tokens.header(token).path("alg").asText()).isEqualTo("RS256");
        JsonNode claims = Tokens.claims(token);
        assertThat(claims.path("groups")).extracting(JsonNode::asText).containsExactly("admin");
        assertThat(claims.path("upn").asText()).isEqualTo(ParleyEnvironment.ADMIN_EMAIL);
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(8 * 3600);
        assertThat(login.body().path("user").path("roles")).extracting(JsonNode::asText).containsExactly("admin");
        assertThat(login.body().path("expiresAt").asText()).endsWith("Z");
        assertThat(login.headers().firstValue("Cache-Control")).as("a token is never kept by a cache").hasValue("no-store");

        Reply me = api.get("/api/me", token);
        assertThat(me.headers().firstValue("Cache-Control")).as("nor is personal data").hasValue("no-store");
        assertThat(api.get("/api/widget/config", null).headers().firstValue("Cache-Control")).as("the widget's public settings may be")
                .hasValue("public, max-age=30");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("user").path("email").asText()).isEqualTo(ParleyEnvironment.ADMIN_EMAIL);
        assertThat(me.body().path("user").has("passwordHash")).isFalse();
    }

    @Test
    void secretsAreNotStoredInClear() {
        Map<String, Object> admin = parley.database().query("SELECT password_hash FROM users WHERE email = ?", ParleyEnvironment.ADMIN_EMAIL).get(0);
        assertThat((String) admin.get("password_hash")).startsWith("PBKDF2WithHmacSHA512:").doesNotContain(ParleyEnvironment.ADMIN_PASSWORD);
        // more than one when AccessMatrixIT rotated the key on this shared server
        List<Map<String, Object>> keys = parley.database().query("SELECT public_key, private_key_sealed FROM signing_keys");
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat((String) key.get("private_key_sealed"))
                .as("v1:<master key id>:<wrapped key>:<ciphertext>").matches("v1:[0-9a-f]{16}:[A-Za-z0-9_-]{70,}:[A-Za-z0-9_-]{1000,}"));
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() {
        Reply unknown = api.post("/api/auth/login", null, Map.of("email", email("nobody"), "password", "whatever it is"));
        Reply wrong = api.post("/api/auth/login", null, Map.of("email", ParleyEnvironment.ADMIN_EMAIL, "password", "not the password"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(unknown.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void repeatedFailuresForOneEmailAreRefusedForAWhileEvenWithTheRightPassword() {
        String admin = parley.adminToken();
        String target = email("throttled");
        api.createUser(admin, target, PASSWORD, "agent");
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/auth/login", null, Map.of("email", target, "password", "guess number " + i)).status()).isEqualTo(401);
        }
        Reply refused = api.post("/api/auth/login", null, Map.of("email", target, "password", PASSWORD));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 900L));
        assertThat(refused.body().path("status").asInt()).isEqualTo(429);
    }

    @Test
    void failuresFromOneAddressDoNotLockTheOwnerOutWhoSignsInFromAnother() {
        String target = email("besieged");
        api.createUser(parley.adminToken(), target, PASSWORD, "agent");
        int port = parley.server().http("/").getPort();
        String attacker = "127.0.0.2";
        String owner = "127.0.0.3";
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(attacker, port, target, "guess number " + i).status()).isEqualTo(401);
        }
        RawHttp.Answer refused = signIn(attacker, port, target, PASSWORD);
        assertThat(refused.status()).as("the guessing address is refused, even with the right password").isEqualTo(429);
        assertThat(refused.header("Retry-After").map(Long::parseLong)).hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 900L));

        assertThat(signIn(owner, port, target, PASSWORD).status()).as("the owner signs in from another address").isEqualTo(200);
        assertThat(signIn(attacker, port, target, PASSWORD).status()).as("and the guessing address stays refused").isEqualTo(429);
    }

    private static RawHttp.Answer signIn(String from, int port, String email, String password) {
        return RawHttp.postJson(from, port, "/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    void healthNamesNoKey() {
        String keyId = Tokens.header(parley.adminToken()).path("kid").asText();
        String sealed = (String) parley.database().query("SELECT private_key_sealed FROM signing_keys").get(0).get("private_key_sealed");
        String masterKeyId = sealed.split(":")[1];
        for (String path : List.of("/health", "/health/ready", "/health/live")) {
            String health = api.get(path, null).raw();
            assertThat(health).as(path).contains("\"status\"").doesNotContain(masterKeyId).doesNotContainPattern("\"" + keyId + "\"|key " + keyId);
        }
    }

    @Test
    void anAdminCreatesAgentsAndBadInputChangesNothing() {
        String admin = parley.adminToken();
        long before = parley.database().count("SELECT COUNT(*) FROM users");
        Map<String, Reply> refused = Map.of(
                "not an email", api.post("/api/auth/signup", admin, Map.of("email", "not-an-email", "name", "X", "password", PASSWORD, "roles", List.of("agent"))),
                "weak password", api.post("/api/auth/signup", admin, Map.of("email", email("weak"), "name", "X", "password", "short", "roles", List.of("agent"))),
                "unknown role", api.post("/api/auth/signup", admin, Map.of("email", email("role"), "name", "X", "password", PASSWORD, "roles", List.of("owner"))),
                "no roles", api.post("/api/auth/signup", admin, Map.of("email", email("none"), "name", "X", "password", PASSWORD, "roles", List.of())),
                "malformed JSON", api.post("/api/auth/signup", admin, "{\"email\": "),
                "no body", api.call("POST", "/api/auth/signup", admin, "null"));
        refused.forEach((what, reply) -> {
            assertThat(reply.status()).as(what).isEqualTo(400);
            assertThat(reply.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(reply.detail()).as(what).isNotBlank().doesNotContain("Exception").doesNotContain("at io.");
        });
        assertThat(refused.get("weak password").detail()).contains("at least 12 characters");
        assertThat(parley.database().count("SELECT COUNT(*) FROM users")).isEqualTo(before);

        String agentEmail = email("Ada");
        api.createUser(admin, agentEmail.toUpperCase(), PASSWORD, "agent");
        assertThat(api.post("/api/auth/signup", admin, Map.of("email", agentEmail, "name", "Twin", "password", PASSWORD, "roles", List.of("agent"))).status())
                .isEqualTo(409);
        String agent = api.login(agentEmail, PASSWORD);
        assertThat(api.get("/api/me", agent).body().path("user").path("roles")).extracting(JsonNode::asText).containsExactly("agent");
        assertThat(api.get("/api/admin/users", agent).status()).isEqualTo(403);
        assertThat(api.post("/api/auth/signup", agent, Map.of("email", email("x"), "name", "X", "password", PASSWORD, "roles", List.of("admin"))).status())
                .isEqualTo(403);
    }

    @Test
    void roleChangesAreRecordedAndTheOldTokenStopsWorking() {
        String admin = parley.adminToken();
        String adminId = api.get("/api/me", admin).body().path("user").path("id").asText();
        String agentEmail = email("promoted");
        String id = api.createUser(admin, agentEmail, PASSWORD, "agent");
        String agentToken = api.login(agentEmail, PASSWORD);

        Reply changed = api.call("PUT", "/api/admin/users/" + id + "/roles", admin, Map.of("roles", List.of("agent", "admin")));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("roles")).extracting(JsonNode::asText).containsExactlyInAnyOrder("admin", "agent");

        JsonNode history = api.get("/api/admin/users/" + id + "/role-changes", admin).body();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("changedBy").asText()).isEqualTo(adminId);
        assertThat(history.get(0).path("oldRoles")).extracting(JsonNode::asText).containsExactly("agent");
        assertThat(history.get(0).path("newRoles")).extracting(JsonNode::asText).containsExactlyInAnyOrder("admin", "agent");
        assertThat(parley.database().count("SELECT COUNT(*) FROM role_changes WHERE user_id = ? AND changed_by = ?", id, adminId)).isEqualTo(1);

        assertThat(api.get("/api/me", agentToken).status()).as("a token issued before the change").isEqualTo(401);
        assertThat(api.get("/api/admin/users", api.login(agentEmail, PASSWORD)).status()).isEqualTo(200);
        api.call("PUT", "/api/admin/users/" + id + "/active", admin, Map.of("active", false));
    }

    @Test
    void aDeactivatedPersonsTokensStopWorkingAtOnceAndTheyCannotSignIn() {
        String admin = parley.adminToken();
        String agentEmail = email("leaver");
        String id = api.createUser(admin, agentEmail, PASSWORD, "agent");
        String token = api.login(agentEmail, PASSWORD);
        assertThat(api.get("/api/me", token).status()).isEqualTo(200);

        assertThat(api.call("PUT", "/api/admin/users/" + id + "/active", admin, Map.of("active", false)).body().path("active").asBoolean()).isFalse();
        assertThat(api.get("/api/me", token).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/login", null, Map.of("email", agentEmail, "password", PASSWORD)).status()).isEqualTo(401);

        api.call("PUT", "/api/admin/users/" + id + "/active", admin, Map.of("active", true));
        assertThat(api.get("/api/me", api.login(agentEmail, PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void theLastActiveAdminCannotBeRemoved() {
        String admin = parley.adminToken();
        assertThat(parley.database().count("SELECT COUNT(*) FROM users WHERE active = TRUE AND roles LIKE '%ADMIN%'"))
                .as("only the first admin is an active admin when this test starts").isEqualTo(1);
        String adminId = api.get("/api/me", admin).body().path("user").path("id").asText();

        Reply demote = api.call("PUT", "/api/admin/users/" + adminId + "/roles", admin, Map.of("roles", List.of("agent")));
        Reply deactivate = api.call("PUT", "/api/admin/users/" + adminId + "/active", admin, Map.of("active", false));
        assertThat(demote.status()).isEqualTo(409);
        assertThat(deactivate.status()).isEqualTo(409);
        assertThat(demote.detail()).contains("last active admin");
        assertThat(api.get("/api/me", admin).status()).as("nothing changed, the token still works").isEqualTo(200);

        String second = api.createUser(admin, email("deputy"), PASSWORD, "admin");
        assertThat(api.call("PUT", "/api/admin/users/" + second + "/active", admin, Map.of("active", false)).status()).isEqualTo(200);
    }

    @Test
    void preferencesAreMergedAndChecked() {
        String admin = parley.adminToken();
        String agentEmail = email("prefs");
        api.createUser(admin, agentEmail, PASSWORD, "agent");
        String token = api.login(agentEmail, PASSWORD);

        api.call("PATCH", "/api/me/prefs", token, Map.of("theme", "dark", "sound", false));
        Reply merged = api.call("PATCH", "/api/me/prefs", token, Map.of("desktopNotifications", true));
        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.body().path("preferences")).isEqualTo(ChatClient.JSON.valueToTree(Map.of("theme", "dark", "sound", false, "desktopNotifications", true)));

        Reply bad = api.call("PATCH", "/api/me/prefs", token, Map.of("theme", "neon"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.detail()).contains("theme");
        assertThat(api.get("/api/me", token).body().path("preferences").path("theme").asText()).isEqualTo("dark");
    }

    @Test
    void twoPreferencesChangedAtOnceAreBothKept() {
        String agentEmail = email("prefs-race");
        api.createUser(parley.adminToken(), agentEmail, PASSWORD, "agent");
        String token = api.login(agentEmail, PASSWORD);
        for (int round = 0; round < 5; round++) {
            boolean on = round % 2 == 0;
            CompletableFuture<Reply> sound = CompletableFuture.supplyAsync(() -> api.call("PATCH", "/api/me/prefs", token, Map.of("sound", on)));
            CompletableFuture<Reply> desktop = CompletableFuture.supplyAsync(() -> api.call("PATCH", "/api/me/prefs", token, Map.of("desktopNotifications", on)));
            assertThat(sound.join().status()).isEqualTo(200);
            assertThat(desktop.join().status()).isEqualTo(200);
            JsonNode stored = api.get("/api/me", token).body().path("preferences");
            assertThat(stored.path("sound").asBoolean()).as("round %d: %s", round, stored).isEqualTo(on);
            assertThat(stored.path("desktopNotifications").asBoolean()).as("round %d: %s", round, stored).isEqualTo(on);
        }
    }

    @Test
    void changingThePasswordEndsEveryEarlierSignIn() {
        String admin = parley.adminToken();
        String agentEmail = email("rotator");
        api.createUser(admin, agentEmail, PASSWORD, "agent");
        String token = api.login(agentEmail, PASSWORD);
        String newPassword = "another decent passphrase";

        assertThat(api.post("/api/me/password", token, Map.of("currentPassword", "wrong one", "newPassword", newPassword)).status()).isEqualTo(400);
        assertThat(api.post("/api/me/password", token, Map.of("currentPassword", PASSWORD, "newPassword", "tiny")).status()).isEqualTo(400);
        assertThat(api.post("/api/me/password", token, Map.of("currentPassword", PASSWORD, "newPassword", newPassword)).status()).isEqualTo(204);
        assertThat(api.get("/api/me", token).status()).isEqualTo(401);
        assertThat(api.get("/api/me", api.login(agentEmail, newPassword)).status()).isEqualTo(200);
    }

    @Test
    void theAuditLogRecordsAdminActionsCanBeFilteredAndCannotBeChanged() {
        String admin = parley.adminToken();
        String agentEmail = email("audited");
        String id = api.createUser(admin, agentEmail, PASSWORD, "agent");
        api.call("PUT", "/api/admin/users/" + id + "/roles", admin, Map.of("roles", List.of("agent", "admin")));
        api.call("PUT", "/api/admin/users/" + id + "/active", admin, Map.of("active", false));

        JsonNode creations = api.get("/api/admin/audit?action=user.create&size=200", admin).body();
        assertThat(creations.path("items")).anySatisfy(entry -> {
            assertThat(entry.path("target").asText()).isEqualTo(id);
            assertThat(entry.path("actorEmail").asText()).isEqualTo(ParleyEnvironment.ADMIN_EMAIL);
            assertThat(entry.path("clientAddress").asText()).isEqualTo("127.0.0.1");
            assertThat(entry.path("at").asText()).endsWith("Z");
        });
        assertThat(creations.path("items")).allSatisfy(entry -> assertThat(entry.path("action").asText()).isEqualTo("user.create"));
        assertThat(api.get("/api/admin/audit?action=user.roles&size=200", admin).body().path("items"))
                .anySatisfy(entry -> assertThat(entry.path("target").asText()).isEqualTo(id));
        assertThat(api.get("/api/admin/audit?action=user.deactivate&size=200", admin).body().path("items"))
                .anySatisfy(entry -> assertThat(entry.path("target").asText()).isEqualTo(id));
        assertThat(api.get("/api/admin/audit?from=2999-01-01T00:00:00Z", admin).body().path("total").asLong()).isZero();
        assertThat(api.get("/api/admin/audit?from=yesterday", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/admin/audit?size=100000", admin).status()).isEqualTo(400);

        String entryId = creations.path("items").get(0).path("id").asText();
        assertThat(api.call("DELETE", "/api/admin/audit/" + entryId, admin, null).status()).isIn(404, 405);
        assertThat(api.call("PUT", "/api/admin/audit/" + entryId, admin, Map.of("action", "nothing")).status()).isIn(404, 405);
        assertThat(api.get("/api/admin/audit", api.login(ParleyEnvironment.ADMIN_EMAIL, ParleyEnvironment.ADMIN_PASSWORD)).status()).isEqualTo(200);
    }
}
