package io.parley.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What both ways of running Parley in a test share: its base URL, its readiness, its log. */
public abstract class ServerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    // as often as a load balancer might while the server starts: health checks called while the application is half
    // deployed must answer "not ready", never log an error (every test's clean log proves it)
    private static final Duration POLL = Duration.ofMillis(50);
    // HTTP/1.1 for the same reason as Api: the JDK client's h2c upgrade against a server still starting could leave a
    // pooled connection that timed out every later poll, so a server that became ready was never seen as ready.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    // Payara's own defect (payara/Payara#5432, open): when a WebSocket's connection goes away while the container ends
    // the upgrade request, Grizzly logs a NullPointerException at SEVERE — from HttpCodecUtils.parseHost, or, when the
    // container's end-of-request event reads the recycled request's address, from RequestURIRef.getURI (seen when a
    // console socket is refused right after its handshake). It happens after Parley's code has finished with the socket,
    // at random, so these are the only SEVERE records the tests let pass.
    private static final List<String> PAYARA_5432 = List.of("HttpCodecUtils.parseHost", "RequestURIRef.getURI");
    // Payara goes on to say "ready" after this; the tests need not wait for a readiness that will never come
    private static final String DEPLOYMENT_FAILED = "Exception while loading the app";

    protected final int httpPort;
    protected final Path log;

    protected ServerProcess(int httpPort, Path log) {
        this.httpPort = httpPort;
        this.log = log;
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    public URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + httpPort + path);
    }

    /** Whether the server process still runs; a server that died will never get ready. */
    protected abstract boolean alive();

    /**
     * Waits until {@code /health/ready} answers UP with Parley's own database check in it (a failed deployment leaves
     * the server up without Parley's checks), then fails if the log shows a SEVERE line.
     */
    protected void awaitReady() {
        HttpResponse<String> ready = awaitReadiness();
        if (ready.statusCode() != 200) {
            throw new AssertionError("Parley started but is not ready: " + ready.body() + "\n" + logTail());
        }
        assertLogClean();
    }

    /** Waits until Parley is deployed and reports its readiness (ready or not), and returns the report. */
    public HttpResponse<String> awaitReadiness() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        String lastAnswer = "none";
        while (Instant.now().isBefore(deadline)) {
            if (!alive()) {
                throw new AssertionError("The server stopped before it was ready:\n" + logTail());
            }
            if (logLines().stream().anyMatch(line -> line.contains(DEPLOYMENT_FAILED))) {
                throw new AssertionError("Parley failed to deploy:\n" + String.join("\n", severeRecords()));
            }
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(http("/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.body().contains("\"database\"") && !ready.body().contains("\"starting\"")) {
                    return ready;
                }
                lastAnswer = ready.statusCode() + " " + ready.body();
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(POLL);
        }
        throw new AssertionError("The server was not ready within " + READY_TIMEOUT + " (its last answer: " + lastAnswer + "):\n" + logTail());
    }

    /** Fails when the server logged anything SEVERE: an exception nobody handled is a defect. */
    public void assertLogClean() {
        List<String> severe = severeRecords();
        if (!severe.isEmpty()) {
            throw new AssertionError("The server log has SEVERE records (" + log + "):\n" + String.join("\n", severe));
        }
    }

    /** The log's SEVERE records but Payara's known one, each with the lines (stack trace and all) that belong to it. */
    public List<String> severeRecords() {
        List<String> records = new ArrayList<>();
        StringBuilder record = new StringBuilder();
        for (String line : logLines()) {
            if (line.startsWith("[20") && !record.isEmpty()) {
                records.add(record.toString());
                record.setLength(0);
            }
            record.append(line).append('\n');
        }
        records.add(record.toString());
        return records.stream().filter(text -> text.startsWith("[20") && text.lines().findFirst().orElseThrow().contains("SEVERE"))
                .filter(text -> PAYARA_5432.stream().noneMatch(text::contains)).toList();
    }

    public List<String> logLines() {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected String logTail() {
        List<String> lines = logLines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path repo() {
        return Path.of(System.getProperty("parley.repo", "..")).toAbsolutePath().normalize();
    }

    /** A folder of this name under the build's work folder, for a server's data and log. */
    public static Path workDir(String name) {
        try {
            return Files.createDirectories(Path.of(System.getProperty("parley.work", "target/work")).resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
