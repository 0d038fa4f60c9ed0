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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the server shows over plain HTTP: health, the pages, and errors as problem+json. */
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
        assertThat(demo.body()).contains("<script src=\"/widget/parley-widget.umd.js\"");

        HttpResponse<String> widget = get("/widget/parley-widget.umd.js");
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(widget.body()).contains("/ws/chat");

        assertThat(get("/widget/parley-widget.es.js").statusCode()).isEqualTo(200);
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
}
