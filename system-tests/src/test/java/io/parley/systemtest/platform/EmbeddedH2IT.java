package io.parley.systemtest.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.Api.Reply;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.ChatClient.Closure;
import io.parley.systemtest.support.Chromium;
import io.parley.systemtest.support.Chromium.RunningChromium;
import io.parley.systemtest.support.ConsolePage;
import io.parley.systemtest.support.Images;
import io.parley.systemtest.support.ParleyEnvironment;
import io.parley.systemtest.support.PayaraMicro;
import io.parley.systemtest.support.ServerProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Parley as a new user first runs it: the embedded H2 default, no database server, no keys. The schema is migrated on
 * H2, a master key and the first admin are made on the first start, the data survives restarts, settings come from
 * the environment, a wrong master key is reported as such, and a session idle past the timeout is replaced.
 */
@ExtendWith(Chromium.class)
class EmbeddedH2IT {

    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("Created the first admin admin@parley.local with the one-time password (\\S+)");

    @Test
    void runsOnH2KeepsEverythingAcrossRestartsAndTakesSettingsFromTheEnvironment(RunningChromium chromium) throws Exception {
        Path dataDir = ServerProcess.workDir("h2-" + System.currentTimeMillis());
        String sessionId;
        String token;
        String adminPassword;
        String imageUrl;
        try (PayaraMicro server = PayaraMicro.start(dataDir, Map.of("GEMINI_API_KEY", SEED_KEY))) {
            assertThat(ChatClient.JSON.readTree(server.awaitReadiness().body()).path("checks"))
                    .anySatisfy(check -> assertThat(check.path("data").path("product").asText()).isEqualTo("H2"));
            try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
                JsonNode started = visitor.startSession(Map.of("name", "Grace"));
                sessionId = started.path("sessionId").asText();
                token = started.path("sessionToken").asText();
                visitor.say("hello");
                assertThat(visitor.next("bot_message").path("data").path("message").path("seq").asLong()).isEqualTo(2);
            }
            String oneTimePassword = oneTimePassword(server);
            Api api = new Api(server.http("/"));
            String firstSignIn = api.login("admin@parley.local", oneTimePassword);
            assertThat(api.get("/api/me", firstSignIn).body().path("user").path("mustChangePassword").asBoolean()).isTrue();
            Reply notYet = api.get("/api/admin/llm-configs", firstSignIn);
            assertThat(notYet.status()).as("nothing but choosing a password, with a password Parley chose").isEqualTo(403);
            assertThat(notYet.detail()).contains("Choose your own password first");
            adminPassword = "a passphrase of my own 42";
            try (BrowserContext browser = chromium.visitor(1280, 800)) {
                // the README's first start: the new admin signs in to the console and must choose a password first
                ConsolePage console = ConsolePage.open(browser, server.http("/admin/").toString());
                console.signIn("admin@parley.local", oneTimePassword);
                assertThat(console.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choose your password"))).isVisible();
                console.page().getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(adminPassword);
                console.page().getByLabel("New password again").fill(adminPassword);
                console.screenshot("console-first-password");
                console.assertAccessible("choosing the first password");
                console.button("Save the password").click();
                assertThat(console.link("All")).isVisible();
                assertThat(console.errors()).as("the browser's console").isEmpty();
            }
            Map<String, String> session = Map.of("X-Parley-Session", sessionId, "X-Parley-Session-Token", token, "Content-Type", "image/png");
            HttpResponse<byte[]> sent = api.raw("POST", "/api/chat/attachments", session, Images.PNG);
            assertThat(sent.statusCode()).as("an image is stored on H2 too").isEqualTo(201);
            imageUrl = ChatClient.JSON.readTree(sent.body()).path("url").asText();
            String admin = api.login("admin@parley.local", adminPassword);
            assertThat(api.get("/api/me", admin).status()).isEqualTo(200);
            JsonNode seeded = api.get("/api/admin/llm-configs", admin).body();
            assertThat(seeded).as("GEMINI_API_KEY seeds the fleet on the first start").hasSize(1);
            assertThat(seeded.get(0).path("provider").asText()).isEqualTo("gemini");
            assertThat(seeded.get(0).path("isActive").asBoolean()).isTrue();
            assertThat(seeded.get(0).path("apiKeyLast4").asText()).isEqualTo(SEED_KEY.substring(SEED_KEY.length() - 4));
            assertThat(server.logLines()).noneMatch(line -> line.contains(SEED_KEY));
            assertThat(server.logLines()).filteredOn(line -> line.contains("created a master key")).hasSize(1);
            server.assertLogClean();
        }
        assertThat(dataDir.resolve("parley.mv.db")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("master.key")))).isEqualTo("rw-------");

        Map<String, String> settings = Map.of(
                "PARLEY_CHAT_MAX_TEXT_LENGTH", "20",
                "PARLEY_CHAT_WELCOME_MESSAGE", "Welcome back to the test shop",
                "PARLEY_AUTH_TOKEN_MINUTES", "0",
                "PARLEY_AUTH_MAX_FAILURES_PER_ADDRESS", "3");
        try (PayaraMicro again = PayaraMicro.start(dataDir, settings);
             ChatClient visitor = ChatClient.connect(again.ws("/ws/chat"))) {
            JsonNode resumed = visitor.resume(sessionId, token, 0);
            HttpResponse<byte[]> image = new Api(again.http("/")).raw("GET", imageUrl, Map.of("X-Parley-Session", sessionId, "X-Parley-Session-Token", token), null);
            assertThat(image.body()).as("the image, as it was sent, after a restart").isEqualTo(Images.PNG);
            assertThat(resumed.path("messages")).extracting(m -> m.path("text").asText())
                    .containsExactly("hello", "Hello! I am the Parley assistant. How can I help you today?");
            assertThat(visitor.say("thanks").path("seq").asLong()).isEqualTo(3);
            visitor.next("bot_message");

            visitor.send("user_message", Map.of("text", "x".repeat(21), "clientMsgId", "too-long"), "long");
            assertThat(visitor.next("error").path("data").path("code").asText()).isEqualTo("text_too_long");
            try (ChatClient newcomer = ChatClient.connect(again.ws("/ws/chat"))) {
                assertThat(newcomer.startSession(Map.of()).path("welcomeMessage").asText()).isEqualTo("Welcome back to the test shop");
            }

            Api api = new Api(again.http("/"));
            String expired = api.login("admin@parley.local", adminPassword);
            try (ChatClient agent = ChatClient.connect(again.ws("/ws/agent"))) {
                agent.send("agent_auth", Map.of("token", expired), "a1");
                Closure closure = agent.awaitClose(Duration.ofSeconds(5));
                assertThat(closure.code()).isEqualTo(4401);
                assertThat(closure.reason()).isEqualTo("token expired");
            }

            for (int i = 0; i < 3; i++) {
                assertThat(api.post("/api/auth/login", null, Map.of("email", "guess" + i + "@example.com", "password", "nope")).status()).isEqualTo(401);
            }
            Reply throttled = api.post("/api/auth/login", null, Map.of("email", "admin@parley.local", "password", adminPassword));
            assertThat(throttled.status()).as("a fourth address-wide failure window is closed").isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).isPresent();

            assertThat(again.logLines()).noneMatch(line -> line.contains("created a master key") || line.contains("one-time password"));
            again.assertLogClean();
        }

        Map<String, String> wrongKeyAndShortSessions = Map.of(
                "MASTER_KEY_BASE64", ParleyEnvironment.newMasterKey(),
                "PARLEY_CHAT_SESSION_TIMEOUT_SECONDS", "5");
        try (PayaraMicro misconfigured = PayaraMicro.launch(dataDir, wrongKeyAndShortSessions)) {
            HttpResponse<String> readiness = misconfigured.awaitReadiness();
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("sign-in").contains("MASTER_KEY_BASE64 to the key this database was set up with")
                    .as("names no master key (16 hex digits) and no signing key").doesNotContainPattern("[0-9a-f]{16}").doesNotContain("k1");
            Reply login = new Api(misconfigured.http("/")).post("/api/auth/login", null, Map.of("email", "admin@parley.local", "password", adminPassword));
            assertThat(login.status()).isEqualTo(503);
            assertThat(login.detail()).contains("master key");
            try (ChatClient visitor = ChatClient.connect(misconfigured.ws("/ws/chat"))) {
                visitor.send("resume", Map.of("sessionId", sessionId, "sessionToken", token, "afterSeq", 3), "back");
                JsonNode fresh = visitor.next("session_started").path("data");
                assertThat(fresh.path("expiredSessionId").asText()).as("idle longer than the timeout").isEqualTo(sessionId);
                assertThat(fresh.path("sessionId").asText()).isNotEqualTo(sessionId);
                assertThat(visitor.next("ack").path("data").path("sessionId").asText()).isEqualTo(fresh.path("sessionId").asText());
                assertThat(visitor.say("hello").path("seq").asLong()).as("the chat works without sign-in").isEqualTo(1);
            }
            assertThat(misconfigured.severeRecords()).hasSize(1);
            assertThat(misconfigured.logLines()).noneMatch(line -> line.contains("at io.parley"));
        }
    }

    private static final String SEED_KEY = "AIzaSy-test-seed-key-5kW9";

    private static String oneTimePassword(PayaraMicro server) {
        return server.logLines().stream().map(ONE_TIME_PASSWORD::matcher).filter(Matcher::find).map(m -> m.group(1))
                .findFirst().orElseThrow(() -> new AssertionError("The first start printed no one-time password"));
    }
}
