package io.parley.systemtest.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.ParleyOnMariaDb;
import io.parley.systemtest.support.ParleyOnMariaDb.RunningParley;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the server shows over plain HTTP with the default settings: health, the pages, errors as problem+json, the
 * security headers, and the default origin rules (the console's API for Parley's own pages, the widget for every site).
 * HardeningIT covers the settings an operator changes.
 */
@ExtendWith(ParleyOnMariaDb.class)
class HttpSurfaceIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningParley parley;

    @BeforeAll
    static void server(RunningParley running) {
        parley = running;
    }

    @AfterAll
    static void noServerErrors() {
        parley.server().assertLogClean();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(parley.server().http(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> getFrom(String origin, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(parley.server().http(path)).header("Origin", origin).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readinessIncludesTheDatabase() throws Exception {
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode body = ChatClient.JSON.readTree(ready.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("checks")).anySatisfy(check -> {
            assertThat(check.path("name").asText()).isEqualTo("database");
            assertThat(check.path("status").asText()).isEqualTo("UP");
            assertThat(check.path("data").path("product").asText()).isIn("MySQL", "MariaDB");
        });
    }

    @Test
    void livenessIsUp() throws Exception {
        HttpResponse<String> live = get("/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(ChatClient.JSON.readTree(live.body()).path("checks"))
                .anySatisfy(check -> assertThat(check.path("name").asText()).isEqualTo("parley"));
    }

    @Test
    void theDemoPageLoadsTheWidgetWhichIsServed() throws Exception {
        HttpResponse<String> demo = get("/");
        assertThat(demo.statusCode()).isEqualTo(200);
        assertThat(demo.body()).contains("<script async src=\"/widget/parley.js\"");

        HttpResponse<String> loader = get("/widget/parley.js");
        assertThat(loader.statusCode()).isEqualTo(200);
        assertThat(loader.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(loader.body()).contains("/widget/frame.html");
        assertThat(get("/widget/parley.es.js").statusCode()).isEqualTo(200);

        HttpResponse<String> frame = get("/widget/frame.html");
        assertThat(frame.statusCode()).isEqualTo(200);
        String chat = frame.body().replaceAll("(?s).*<script type=\"module\" crossorigin src=\"\\./([^\"]+)\".*", "$1");
        assertThat(get("/widget/" + chat).body()).as("the chat the frame loads").contains("/ws/chat");
    }

    @Test
    void theConsoleIsServed() throws Exception {
        HttpResponse<String> console = get("/admin/");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).containsIgnoringCase("Parley");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/no-such-resource", "/no-such-page.html", "/widget/no-such-file.js"})
    void anUnknownPathIsAProblemDocumentWithoutInternals(String path) throws Exception {
        HttpResponse<String> missing = get(path);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = ChatClient.JSON.readTree(missing.body());
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("title").asText()).isEqualTo("Not Found");
        assertThat(missing.body()).doesNotContain("Exception").doesNotContainIgnoringCase("payara");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/admin/", "/api/widget/config", "/api/no-such-resource", "/no-such-page.html",
            "/health/ready"})
    void everyAnswerCarriesTheSecurityHeadersAndNamesNoServerSoftware(String path) throws Exception {
        HttpResponse<String> answer = get(path);
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).as("never over plain HTTP").isEmpty();
        assertThat(answer.headers().firstValue("Server")).isEmpty();
        assertThat(answer.headers().firstValue("X-Powered-By")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/widget/frame.html", "/widget/parley.js", "/widget/no-such-file.js"})
    void byDefaultEverySiteMayFrameTheWidgetsPagesAndNothingElse(String path) throws Exception {
        HttpResponse<String> answer = get(path);
        assertThat(answer.headers().firstValue("X-Frame-Options")).as("neither Parley's nor Payara's").isEmpty();
        assertThat(answer.headers().allValues("Content-Security-Policy")).singleElement().satisfies(csp -> assertThat(csp)
                .startsWith("default-src 'self'; script-src 'self'; ").contains("connect-src 'self' ws://" + parley.server().http("/").getAuthority())
                .endsWith("; frame-ancestors *"));
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void theConsolesPolicyAllowsOnlyItsOwnFilesAndItsOwnHostsWebSocket() throws Exception {
        assertThat(get("/admin/").headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'; "
                + "script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' ws://"
                + parley.server().http("/").getAuthority() + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    }

    @Test
    void byDefaultOnlyParleysOwnPagesMayCallTheConsoleApi() throws Exception {
        HttpResponse<String> foreign = getFrom("https://elsewhere.example", "/api/no-such-resource");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        String own = "http://" + parley.server().http("/").getAuthority();
        HttpResponse<String> mine = getFrom(own, "/api/no-such-resource");
        assertThat(mine.statusCode()).isEqualTo(404);
        assertThat(mine.headers().firstValue("Access-Control-Allow-Origin")).hasValue(own);
    }

    @Test
    void byDefaultEverySiteMayEmbedTheWidgetWithoutCredentials() throws Exception {
        HttpResponse<String> module = getFrom("https://any-shop.example", "/widget/parley.es.js");
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(module.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        try (ChatClient visitor = ChatClient.connect(parley.server().ws("/ws/chat"), Map.of("Origin", "https://any-shop.example"))) {
            assertThat(visitor.startSession(Map.of()).path("sessionId").asText()).isNotBlank();
        }
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWithoutBeingRead() throws Exception {
        // HTTP/1.1: over the h2c upgrade that the JDK's client tries first, it mishandles an answer that comes before the body is sent
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> tooLarge = http11.send(HttpRequest.newBuilder(parley.server().http("/api/no-such-resource"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat((1 << 20) + 1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(ChatClient.JSON.readTree(tooLarge.body()).path("detail").asText())
                .isEqualTo("A request body can have at most 1048576 bytes.");
    }
}
