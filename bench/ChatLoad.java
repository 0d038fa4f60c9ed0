// Load generator for Parley's message path: N visitor sockets send messages that one agent socket receives on the
// admin feed, through the whole server path including the database commit. Run it with `bench/chat-load.sh`, which
// starts Parley on MariaDB first. JDK only (java ChatLoad.java ...), so anyone can run it without a build.
//
// Usage: java bench/ChatLoad.java BASE_URL AGENT_TOKEN SESSIONS MESSAGES_PER_SECOND SECONDS
//        java bench/ChatLoad.java BASE_URL AGENT_TOKEN SESSIONS idle SECONDS
// The idle form opens the sessions, prints "idle: N sessions open" and keeps them open and silent for SECONDS, so that
// the server's heap can be read meanwhile (chat-load.sh does).
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ChatLoad {

    static final int WARM_UP_SECONDS = 15;
    static final Pattern SESSION_ID = Pattern.compile("\"sessionId\":\"([^\"]+)\"");
    static final Pattern SENT_AT = Pattern.compile("\"clientMsgId\":\"t(\\d+)-");

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceFirst("^http", "ws");
        String token = args[1];
        int sessions = Integer.parseInt(args[2]);
        boolean idle = args[3].equals("idle");
        double rate = idle ? 0 : Double.parseDouble(args[3]);
        int seconds = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong received = new AtomicLong();
        CountDownLatch authenticated = new CountDownLatch(1);
        WebSocket agent = http.newWebSocketBuilder().buildAsync(URI.create(base + "/ws/agent"), new Listener(text -> {
            if (text.contains("\"agent_authenticated\"")) {
                authenticated.countDown();
            } else if (text.startsWith("{\"type\":\"new_message\"")) {
                Matcher sent = SENT_AT.matcher(text);
                if (sent.find()) {
                    latencies.add(System.nanoTime() - Long.parseLong(sent.group(1)));
                    received.incrementAndGet();
                }
            }
        })).join();
        agent.sendText("{\"type\":\"agent_auth\",\"data\":{\"token\":\"" + token + "\"}}", true).join();
        authenticated.await(10, TimeUnit.SECONDS);
        agent.sendText("{\"type\":\"join_admin_feed\",\"data\":{},\"ref\":\"feed\"}", true).join();

        List<WebSocket> visitors = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            CompletableFuture<String> started = new CompletableFuture<>();
            WebSocket visitor = http.newWebSocketBuilder().buildAsync(URI.create(base + "/ws/chat"), new Listener(text -> {
                if (text.contains("\"session_started\"")) {
                    Matcher id = SESSION_ID.matcher(text);
                    if (id.find()) {
                        started.complete(id.group(1));
                    }
                }
            })).join();
            visitor.sendText("{\"type\":\"start_session\",\"data\":{\"userMeta\":{\"name\":\"Load " + i + "\"}}}", true).join();
            started.get(30, TimeUnit.SECONDS);
            if (!idle) {
                // waiting for a person: the assistant stays quiet, every message goes visitor -> database -> agent
                visitor.sendText("{\"type\":\"request_agent\",\"data\":{}}", true).join();
            }
            visitors.add(visitor);
        }
        Thread.sleep(2000);
        if (idle) {
            System.out.println("idle: " + visitors.size() + " sessions open");
            Thread.sleep(seconds * 1000L);
            System.exit(0);
        }

        long intervalNanos = (long) (1_000_000_000L / rate);
        var scheduler = Executors.newScheduledThreadPool(2);
        AtomicLong sent = new AtomicLong();
        var task = scheduler.scheduleAtFixedRate(() -> {
            long n = sent.getAndIncrement();
            WebSocket visitor = visitors.get((int) (n % visitors.size()));
            long now = System.nanoTime();
            synchronized (visitor) {
                visitor.sendText("{\"type\":\"user_message\",\"data\":{\"text\":\"load message " + n + "\",\"clientMsgId\":\"t" + now + "-" + n + "\"}}", true).join();
            }
        }, 0, intervalNanos, TimeUnit.NANOSECONDS);
        // the same load for a warm-up first, so that the measurement sees compiled code rather than the JIT at work
        Thread.sleep(WARM_UP_SECONDS * 1000L);
        latencies.clear();
        received.set(0);
        long sentBefore = sent.get();
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        task.cancel(false);
        long sendEnd = System.nanoTime();
        Thread.sleep(3000);
        scheduler.shutdownNow();
        sent.addAndGet(-sentBefore);

        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double elapsed = (sendEnd - start) / 1e9;
        System.out.printf("sessions=%d offered=%.0f msg/s sent=%d received=%d (%.0f msg/s) p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n",
                sessions, rate, sent.get(), received.get(), received.get() / elapsed,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        for (WebSocket visitor : visitors) {
            visitor.abort();
        }
        agent.abort();
        System.exit(0);
    }

    static double percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** Hands over whole frames: the JDK may deliver one frame in several parts. */
    static final class Listener implements WebSocket.Listener {
        private final java.util.function.Consumer<String> onText;
        private final StringBuilder partial = new StringBuilder();

        Listener(java.util.function.Consumer<String> onText) {
            this.onText = onText;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                onText.accept(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }
}
