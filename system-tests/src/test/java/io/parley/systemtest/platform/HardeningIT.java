package io.parley.systemtest.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.PayaraMicro;
import io.parley.systemtest.support.RawHttp;
import io.parley.systemtest.support.ServerProcess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP surface of a Parley run as an operator runs it behind a TLS-terminating proxy on this machine: TLS required,
 * the proxy 127.0.0.1 trusted, a console on another origin, the widget on one shop, small request bodies. Requests
 * "over TLS" are plain HTTP from 127.0.0.1 with {@code X-Forwarded-Proto: https}, as the proxy would send them.
 */
class HardeningIT {

    private static final String CONSOLE = "https://console.example";
    private static final String SHOP = "https://shop.example";
    private static final String STRANGER = "https://evil.example";
    private static final int MAX_BODY = 4096;
    private static final Map<String, String> VIA_TLS = Map.of("X-Forwarded-Proto", "https");
    /** HTTP/1.1, as a proxy speaks to Parley (and without the JDK's h2c upgrade, which mishandles an early 413). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static PayaraMicro parley;
    private static String ownOrigin;

    @BeforeAll
    static void start() {
        parley = PayaraMicro.start(ServerProcess.workDir("hardened-" + System.currentTimeMillis()), Map.of(
                "CORS_ALLOWED_ORIGINS", CONSOLE,
                "WIDGET_ALLOWED_ORIGINS", SHOP,
                "FORCE_TLS", "true",
                "TRUSTED_PROXIES", "127.0.0.1",
                "PARLEY_HTTP_MAX_BODY_BYTES", Integer.toString(MAX_BODY)));
        ownOrigin = "https://" + parley.http("/").getAuthority();
    }

    @AfterAll
    static void stop() {
        try {
            parley.assertLogClean();
        } finally {
            parley.close();
        }
    }

    private static HttpRequest.Builder request(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(parley.http(path));
        headers.forEach(builder::header);
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> viaTls(String path) throws IOException, InterruptedException {
        return send(request(path, VIA_TLS));
    }

    private static HttpResponse<String> viaTlsFrom(String origin, String path) throws IOException, InterruptedException {
        return send(request(path, VIA_TLS).header("Origin", origin));
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = ChatClient.JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank().doesNotContain("Exception");
    }

    // --- TLS and the trusted proxy

    @Test
    void overTlsEveryAnswerCarriesTheSecurityHeadersAndHsts() throws Exception {
        HttpResponse<String> console = viaTls("/admin/");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(console.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(console.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(console.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(console.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "frame-ancestors 'none'", "base-uri 'none'")
                .as("the console's WebSocket goes to its own host over wss")
                .contains("connect-src 'self' wss://" + parley.http("/").getAuthority() + ";"));
        assertThat(console.headers().firstValue("Server")).isEmpty();
        assertThat(console.headers().firstValue("X-Powered-By")).isEmpty();

        for (String missingPath : new String[] {"/api/no-such-resource", "/no-such-page.html"}) {
            HttpResponse<String> missing = viaTls(missingPath);
            assertProblem(missing, 404);
            assertThat(missing.headers().firstValue("Strict-Transport-Security")).isPresent();
            assertThat(missing.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD"})
    void aPlainHttpReadIsRedirectedToHttpsWithoutHsts(String method) throws Exception {
        HttpResponse<String> plain = send(request("/admin/?tab=inbox", Map.of()).method(method, BodyPublishers.noBody()));
        assertThat(plain.statusCode()).isEqualTo(308);
        assertThat(plain.headers().firstValue("Location")).hasValue("https://127.0.0.1/admin/?tab=inbox");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void aPlainHttpWriteIsRefused() throws Exception {
        assertProblem(send(request("/api/tickets", Map.of("Content-Type", "application/json"))
                .POST(BodyPublishers.ofString("{}"))), 403);
    }

    @Test
    void healthAndMetricsStayOnPlainHttpForProbesInsideTheNetwork() throws Exception {
        assertThat(send(request("/health/ready", Map.of())).statusCode()).isEqualTo(200);
        assertThat(send(request("/health/live", Map.of())).statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = send(request("/metrics", Map.of()));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("X-Content-Type-Options")).as("served through Parley's filters").hasValue("nosniff");
    }

    @Test
    void forwardedProtoCountsOnlyFromATrustedProxyAndOnlyIfEveryHopWasHttps() throws Exception {
        RawHttp.Answer stranger = RawHttp.get("127.0.0.2", parley.http("/").getPort(), "/admin/", VIA_TLS);
        assertThat(stranger.status()).as("127.0.0.2 is no trusted proxy: its header is ignored").isEqualTo(308);
        assertThat(stranger.header("Strict-Transport-Security")).isEmpty();

        RawHttp.Answer proxy = RawHttp.get("127.0.0.1", parley.http("/").getPort(), "/admin/", VIA_TLS);
        assertThat(proxy.status()).isEqualTo(200);
        assertThat(proxy.header("Strict-Transport-Security")).isPresent();

        assertThat(send(request("/admin/", Map.of("X-Forwarded-Proto", "http"))).statusCode()).isEqualTo(308);
        assertThat(send(request("/admin/", Map.of("X-Forwarded-Proto", "https, http"))).statusCode())
                .as("one plain hop on the way").isEqualTo(308);
    }

    // --- CORS

    @Test
    void theConsolesOriginGetsAPreflightWithCredentials() throws Exception {
        HttpResponse<String> preflight = send(request("/api/admin/sessions", VIA_TLS).method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", CONSOLE)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization, content-type"));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(CONSOLE);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("PUT"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                headers -> assertThat(headers).contains("Authorization", "Content-Type"));
        assertThat(preflight.headers().allValues("Vary")).contains("Origin");
    }

    @Test
    void anAnswerToTheConsoleCarriesCorsHeadersEvenWhenItIsAnError() throws Exception {
        HttpResponse<String> missing = viaTlsFrom(CONSOLE, "/api/no-such-resource");
        assertProblem(missing, 404);
        assertThat(missing.headers().firstValue("Access-Control-Allow-Origin")).hasValue(CONSOLE);
        assertThat(missing.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    }

    @Test
    void parleysOwnOriginMayCallTheConsoleApi() throws Exception {
        HttpResponse<String> own = viaTlsFrom(ownOrigin, "/api/no-such-resource");
        assertThat(own.statusCode()).isEqualTo(404);
        assertThat(own.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ownOrigin);
    }

    @ParameterizedTest
    @ValueSource(strings = {STRANGER, SHOP, "http://console.example", "null"})
    void anyOtherOriginIsRefusedBeforeAnythingRuns(String origin) throws Exception {
        HttpResponse<String> preflight = send(request("/api/admin/sessions", VIA_TLS).method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "GET"));
        assertProblem(preflight, 403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> post = send(request("/api/admin/sessions", VIA_TLS).header("Origin", origin)
                .header("Content-Type", "text/plain").POST(BodyPublishers.ofString("x")));
        assertProblem(post, 403);
        assertThat(post.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theWidgetsSiteMayLoadTheWidgetAndPostTheOfflineFormWithoutCredentials() throws Exception {
        HttpResponse<String> module = viaTlsFrom(SHOP, "/widget/parley.es.js");
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
        assertThat(module.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(module.headers().allValues("Vary")).contains("Origin");

        HttpResponse<String> preflight = send(request("/api/tickets", VIA_TLS).method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", SHOP).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

        assertProblem(viaTlsFrom(STRANGER, "/widget/parley.es.js"), 403);
        assertProblem(send(request("/api/tickets", VIA_TLS).method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", CONSOLE).header("Access-Control-Request-Method", "POST")), 403);
    }

    @Test
    void theWidgetsPagesMayBeFramedOnlyByTheWidgetsSiteAndParleysOwnPages() throws Exception {
        for (String path : new String[] {"/widget/frame.html", "/widget/parley.es.js"}) {
            HttpResponse<String> widget = viaTls(path);
            assertThat(widget.headers().firstValue("X-Frame-Options")).as(path).isEmpty();
            assertThat(widget.headers().allValues("Content-Security-Policy")).as(path).singleElement()
                    .satisfies(csp -> assertThat(csp).contains("script-src 'self';").endsWith("; frame-ancestors 'self' " + SHOP));
            assertThat(widget.headers().firstValue("Strict-Transport-Security")).isPresent();
        }
        HttpResponse<String> api = viaTls("/api/widget/config");
        assertThat(api.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
    }

    @Test
    void theWidgetsSiteMayReadItsConfigAndSendTheSessionsHeadersToRateAConversation() throws Exception {
        HttpResponse<String> config = viaTlsFrom(SHOP, "/api/widget/config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
        assertThat(ChatClient.JSON.readTree(config.body()).path("title").asText()).isEqualTo("Chat with us");
        assertProblem(viaTlsFrom(STRANGER, "/api/widget/config"), 403);

        HttpResponse<String> preflight = send(request("/api/chat/rating", VIA_TLS).method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", SHOP).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-parley-session, x-parley-session-token"));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                headers -> assertThat(headers).contains("X-Parley-Session", "X-Parley-Session-Token"));
        assertProblem(send(request("/api/chat/rating", VIA_TLS).method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", STRANGER).header("Access-Control-Request-Method", "POST")), 403);
    }

    // --- WebSocket handshakes

    @Test
    void theWidgetsSiteAndParleysOwnPagesOpenTheChatOverWss() {
        for (String origin : new String[] {SHOP, ownOrigin}) {
            try (ChatClient visitor = ChatClient.connect(parley.ws("/ws/chat"), Map.of("Origin", origin, "X-Forwarded-Proto", "https"))) {
                assertThat(visitor.startSession(Map.of()).path("sessionId").asText()).isNotBlank();
            }
        }
        try (ChatClient app = ChatClient.connect(parley.ws("/ws/chat"), VIA_TLS)) {
            assertThat(app.startSession(Map.of()).path("sessionId").asText()).as("a client that is no browser").isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {STRANGER, CONSOLE, "null"})
    void anyOtherSitesPageIsRefusedAtTheHandshake(String origin) {
        assertThat(refusedHandshake(Map.of("Origin", origin, "X-Forwarded-Proto", "https"))).isEqualTo(403);
        RawHttp.Answer refusal = RawHttp.get("127.0.0.1", parley.http("/").getPort(), "/ws/chat", Map.of(
                "Origin", origin, "X-Forwarded-Proto", "https", "Upgrade", "websocket", "Connection", "Upgrade",
                "Sec-WebSocket-Version", "13", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="));
        // the problem document, though without Content-Type: Grizzly sends no entity headers to an Upgrade request
        assertThat(refusal.status()).isEqualTo(403);
        assertThat(refusal.body()).contains("\"status\":403");
    }

    @Test
    void aPlainWsHandshakeIsRefusedEvenFromTheWidgetsSite() {
        assertThat(refusedHandshake(Map.of("Origin", SHOP))).isEqualTo(403);
    }

    /** Opens /ws/chat, which must fail, and gives the HTTP status of the refusal. */
    private static int refusedHandshake(Map<String, String> headers) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        headers.forEach(builder::header);
        Throwable failure = catchThrowable(
                () -> builder.buildAsync(parley.ws("/ws/chat"), new WebSocket.Listener() { }).join());
        assertThat(failure).isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode();
    }

    // --- request bodies

    @Test
    void aBodyOverTheLimitIsRefusedBeforeAnyRouteIsLookedFor() throws Exception {
        HttpRequest.Builder declared = request("/api/no-such-resource", VIA_TLS).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("x".repeat(MAX_BODY + 1)));
        assertProblem(send(declared), 413);

        byte[] chunked = new byte[MAX_BODY + 1];
        HttpRequest.Builder unknownLength = request("/api/no-such-resource", VIA_TLS).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked)));
        assertProblem(send(unknownLength), 413);
    }

    @Test
    void aBodyUpToTheLimitGoesOn() throws Exception {
        assertProblem(send(request("/api/no-such-resource", VIA_TLS).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("x".repeat(MAX_BODY)))), 404);
        byte[] chunked = new byte[MAX_BODY];
        assertProblem(send(request("/api/no-such-resource", VIA_TLS).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked)))), 404);
    }
}
