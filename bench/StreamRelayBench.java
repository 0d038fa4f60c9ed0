// What Parley's relay adds to an LLM's first words: a stub OpenAI-compatible server in this process streams each
// answer (first event at once, the rest 50 ms later) and notes when it flushed the first event; visitor sockets ask
// questions and note when the first bot_stream frame arrives. Both times come from this JVM's clock, so their
// difference is the relay: Parley's REST client reading the event, extracting the answer's words, and pushing the
// frame. Prints p50/p95/p99 of that difference and of the whole time from question to first words. JDK only.
// Run it with bench/stream-relay.sh, which starts Parley and points its LLM fleet at this stub.
//
// Usage: java bench/StreamRelayBench.java BASE_URL ADMIN_TOKEN STUB_PORT SESSIONS QUESTIONS_PER_SESSION

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class StreamRelayBench {

    private static final Pattern QUESTION = Pattern.compile("question-(\\d+-\\d+)");
    private static final Map<String, Long> stubFirstEvent = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        // as a provider's server streams: every write goes out at once (the JDK's server otherwise leaves Nagle's
        // algorithm on, and each first event then waited ~40 ms for the client's delayed acknowledgement)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String base = args[0];
        String admin = args[1];
        int stubPort = Integer.parseInt(args[2]);
        int sessions = Integer.parseInt(args[3]);
        int questions = Integer.parseInt(args[4]);
        HttpServer stub = stub(stubPort);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String config = "{\"provider\":\"openai\",\"model\":\"bench-model\",\"baseUrl\":\"http://127.0.0.1:" + stubPort + "/v1\","
                + "\"apiKey\":\"bench-key-not-secret\",\"priority\":0,\"timeoutMs\":10000,\"enabled\":true}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/llm-config"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(config)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Could not configure the stub: " + created.body());
        }
        List<Long> relay = Collections.synchronizedList(new ArrayList<>());
        List<Long> firstWords = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> running = new ArrayList<>();
        var threads = Executors.newFixedThreadPool(sessions);
        for (int s = 0; s < sessions; s++) {
            int session = s;
            running.add(CompletableFuture.runAsync(() -> converse(http, base, session, questions, relay, firstWords), threads));
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
        threads.shutdown();
        String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/llm-config/" + id)).header("Authorization", "Bearer " + admin)
                .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        stub.stop(0);
        System.out.printf("%d sessions x %d questions: relay (first words at the visitor - first event sent by the provider) "
                + "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms; question to first words p50 %.1f ms, p99 %.1f ms%n",
                sessions, questions, ms(relay, 0.50), ms(relay, 0.95), ms(relay, 0.99), ms(firstWords, 0.50), ms(firstWords, 0.99));
        System.exit(0);
    }

    private static void converse(HttpClient http, String base, int session, int questions, List<Long> relay, List<Long> firstWords) {
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/ws/chat"), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                long now = System.nanoTime();
                partial.append(data);
                if (last) {
                    String frame = partial.toString();
                    partial.setLength(0);
                    if (frame.contains("\"bot_stream\"")) {
                        frames.add("stream " + now);
                    } else if (frame.contains("\"bot_message\"")) {
                        frames.add("done");
                    } else if (frame.contains("\"session_started\"")) {
                        frames.add("started");
                    }
                }
                webSocket.request(1);
                return null;
            }
        }).join();
        try {
            socket.sendText("{\"type\":\"start_session\",\"data\":{},\"ref\":\"start\"}", true).join();
            await(frames, "started");
            for (int q = 0; q < questions; q++) {
                String id = session + "-" + q;
                frames.clear();
                long asked = System.nanoTime();
                socket.sendText("{\"type\":\"user_message\",\"data\":{\"text\":\"Tell me about question-" + id + " please\",\"clientMsgId\":\"" + id
                        + "\"},\"ref\":\"" + id + "\"}", true).join();
                long first = Long.parseLong(await(frames, "stream ").substring("stream ".length()));
                await(frames, "done");
                relay.add(first - stubFirstEvent.get(id));
                firstWords.add(first - asked);
            }
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String await(LinkedBlockingQueue<String> frames, String prefix) throws InterruptedException {
        while (true) {
            String frame = frames.poll(30, TimeUnit.SECONDS);
            if (frame == null) {
                throw new IllegalStateException("nothing came while waiting for " + prefix);
            }
            if (frame.startsWith(prefix)) {
                return frame;
            }
        }
    }

    /** An OpenAI-compatible server: the answer's first words at once, the rest 50 ms later, as a model streams. */
    private static HttpServer stub(int port) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher question = QUESTION.matcher(body);
            String id = "unknown";
            while (question.find()) {
                id = question.group(1); // the latest question: the context holds the earlier ones too
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                stubFirstEvent.put(id, System.nanoTime()); // before, or the visitor may have the words before it is noted
                out.write(event("{\\\"answer\\\": \\\"Here is"));
                out.flush();
                Thread.sleep(50);
                out.write(event(" what you asked about.\\\", \\\"suggestions\\\": [], \\\"action\\\": \\\"answer\\\"}"));
                out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        return server;
    }

    private static byte[] event(String content) {
        return ("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static double ms(List<Long> nanos, double quantile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(quantile * sorted.size()))) / 1e6;
    }
}
