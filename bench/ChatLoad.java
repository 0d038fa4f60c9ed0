// Load generator for Parley's message path: N visitor sockets send messages that one agent socket receives on the
// admin feed, through the whole server path including the database commit. Run it with `bench/chat-load.sh`, which
// starts Parley on MariaDB first. JDK only (java ChatLoad.java ...), so anyone can run it without a build.
//
// Usage: java bench/ChatLoad.java BASE_URL AGENT_TOKEN SESSIONS MESSAGES_PER_SECOND SECONDS
//        java bench/ChatLoad.java BASE_URL AGENT_TOKEN SESSIONS idle SECONDS
//        java bench/ChatLoad.java BASE_URL - CLIENTS hostile SECONDS
// The idle form opens the sessions, prints "idle: N sessions open" and keeps them open and silent for SECONDS, so that
// the server's heap can be read meanwhile (chat-load.sh does). Each visitor comes from an address of its own
// (X-Forwarded-For 10.x.y.z; the scripts start Parley trusting the loopback as a proxy), as visitors on the internet do,
// so that the limits per address see one visitor each. Messages the server refuses are counted ("refused").
// The hostile form runs the floods of bench/abuse.sh ({@link Hostile}) instead.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ChatLoad {

    static final int WARM_UP_SECONDS = 15;
    static final Pattern SESSION_ID = Pattern.compile("\"sessionId\":\"([^\"]+)\"");
    static final Pattern SENT_AT = Pattern.compile("\"clientMsgId\":\"t(\\d+)-");

    public static void main(String[] args) throws Exception {
        if (args[3].equals("hostile")) {
            Hostile.run(args);
            return;
        }
        String base = args[0].replaceFirst("^http", "ws");
        String token = args[1];
        int sessions = Integer.parseInt(args[2]);
        boolean idle = args[3].equals("idle");
        double rate = idle ? 0 : Double.parseDouble(args[3]);
        int seconds = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong received = new AtomicLong();
        AtomicLong refused = new AtomicLong();
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
            WebSocket visitor = http.newWebSocketBuilder().header("X-Forwarded-For", "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255))
                    .buildAsync(URI.create(base + "/ws/chat"), new Listener(text -> {
                if (text.startsWith("{\"type\":\"error\"")) {
                    refused.incrementAndGet();
                } else if (text.contains("\"session_started\"")) {
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
        refused.set(0);
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
        System.out.printf("sessions=%d offered=%.0f msg/s sent=%d received=%d (%.0f msg/s) refused=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n",
                sessions, rate, sent.get(), received.get(), received.get() / elapsed, refused.get(),
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        for (WebSocket visitor : visitors) {
            visitor.abort();
        }
        agent.abort();
        System.exit(0);
    }

    /**
     * The hostile form: each client comes from an address of its own (X-Forwarded-For 203.0.113.N) and runs every flood
     * of issue 15 at once, each at a steady pace far beyond a person's: messages into one session, sessions started,
     * requests for a person (each after one message, in a new session), 1 MiB images, tickets. Prints, per flood, what
     * was tried, taken and refused as rate_limited.
     */
    static final class Hostile {


        static final Pattern SESSION = Pattern.compile("\"sessionId\":\"([^\"]+)\",\"sessionToken\":\"([^\"]+)\"");
        static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        /** Per flood: tried, taken, refused as rate_limited, anything else, sockets closed or refused by the server. */
        static final Map<String, AtomicLong[]> COUNTS = new ConcurrentHashMap<>();

        static void run(String[] args) throws Exception {
            String http = args[0];
            String ws = http.replaceFirst("^http", "ws");
            int clients = Integer.parseInt(args[2]);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(Integer.parseInt(args[4]));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // FLOODS=messages,images (say) runs only those, to tell what each costs; all of them by default
            List<String> chosen = List.of(System.getenv().getOrDefault("FLOODS", "messages,sessions,agent_requests,images,tickets").split(","));
            Map<String, java.util.function.Function<String, Runnable>> every = Map.of(
                    "messages", address -> () -> messages(client, ws, address, until),
                    "sessions", address -> () -> sessions(client, ws, address, until),
                    "agent_requests", address -> () -> agentRequests(client, ws, address, until),
                    "images", address -> () -> images(client, http, ws, address, until),
                    "tickets", address -> () -> tickets(client, http, address, until));
            List<Thread> floods = new ArrayList<>();
            for (int c = 1; c <= clients; c++) {
                String address = "203.0.113." + c;
                for (String flood : chosen) {
                    floods.add(start(every.get(flood).apply(address)));
                }
            }
            for (Thread flood : floods) {
                flood.join();
            }
            Thread.sleep(1000);
            COUNTS.forEach((flood, n) -> System.out.printf("hostile %-14s tried=%d taken=%d rate_limited=%d other=%d closed_or_shut_out=%d%n",
                    flood, n[0].get(), n[1].get(), n[2].get(), n[3].get(), n[4].get()));
            System.exit(0);
        }

        /** 100 messages a second into one session, without waiting for answers. */
        static void messages(HttpClient client, String ws, String address, long until) {
            Socket socket = new Socket(client, ws, address, "messages", "{\"type\":\"start_session\",\"data\":{}}", text -> { });
            for (long n = 0; System.nanoTime() < until; n++) {
                count("messages", 0);
                socket.send("{\"type\":\"user_message\",\"data\":{\"text\":\"spam " + n + "\",\"clientMsgId\":\"h" + n + "\"},\"ref\":\"m" + n + "\"}");
                pause(10);
            }
        }

        /** 20 sessions started a second. */
        static void sessions(HttpClient client, String ws, String address, long until) {
            Socket socket = new Socket(client, ws, address, "sessions", null, text -> { });
            for (long n = 0; System.nanoTime() < until; n++) {
                count("sessions", 0);
                socket.send("{\"type\":\"start_session\",\"data\":{},\"ref\":\"s" + n + "\"}");
                pause(50);
            }
        }

        /** 20 requests for a person a second, each in a new session after one message. */
        static void agentRequests(HttpClient client, String ws, String address, long until) {
            Socket socket = new Socket(client, ws, address, "agent_requests", null, text -> { });
            for (long n = 0; System.nanoTime() < until; n++) {
                socket.send("{\"type\":\"start_session\",\"data\":{}}");
                socket.send("{\"type\":\"user_message\",\"data\":{\"text\":\"a person please\",\"clientMsgId\":\"r" + n + "\"}}");
                count("agent_requests", 0);
                socket.send("{\"type\":\"request_agent\",\"data\":{},\"ref\":\"a" + n + "\"}");
                pause(50);
            }
        }

        /** 5 images of 1 MiB a second into one session. */
        static void images(HttpClient client, String http, String ws, String address, long until) {
            CompletableFuture<String[]> started = new CompletableFuture<>();
            Socket socket = new Socket(client, ws, address, null, null, text -> {
                Matcher session = SESSION.matcher(text);
                if (session.find()) {
                    started.complete(new String[] {session.group(1), session.group(2)});
                }
            });
            socket.send("{\"type\":\"start_session\",\"data\":{}}");
            // a socket shut out before its session started never gets one: the flood then ends instead of waiting for ever
            String[] session = started.completeOnTimeout(null, Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS).join();
            if (session == null) {
                return;
            }
            byte[] image = Arrays.copyOf(PNG_SIGNATURE, 1 << 20);
            while (System.nanoTime() < until) {
                count("images", 0);
                HttpRequest upload = HttpRequest.newBuilder(URI.create(http + "/api/chat/attachments"))
                        .header("X-Forwarded-For", address).header("Content-Type", "image/png")
                        .header("X-Parley-Session", session[0]).header("X-Parley-Session-Token", session[1])
                        .POST(HttpRequest.BodyPublishers.ofByteArray(image)).build();
                status("images", client, upload);
                pause(200);
            }
        }

        /** 20 tickets a second. */
        static void tickets(HttpClient client, String http, String address, long until) {
            while (System.nanoTime() < until) {
                count("tickets", 0);
                HttpRequest ticket = HttpRequest.newBuilder(URI.create(http + "/api/tickets"))
                        .header("X-Forwarded-For", address).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Spam\",\"email\":\"spam@example.com\",\"message\":\"Buy now\"}")).build();
                status("tickets", client, ticket);
                pause(50);
            }
        }

        static void status(String flood, HttpClient client, HttpRequest request) {
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                count(flood, status == 201 ? 1 : status == 429 ? 2 : 3);
            } catch (Exception e) {
                count(flood, 3);
            }
        }

        /** Counts the answer of each frame a flood sent with a ref: taken (ack), rate_limited, or another error. */
        static void answered(String flood, String text) {
            if (flood == null || !text.contains("\"ref\"")) {
                return;
            }
            if (text.startsWith("{\"type\":\"ack\"")) {
                count(flood, 1);
            } else if (text.contains("\"rate_limited\"")) {
                count(flood, 2);
            } else if (text.startsWith("{\"type\":\"error\"")) {
                count(flood, 3);
            }
        }

        static void count(String flood, int what) {
            COUNTS.computeIfAbsent(flood, k -> new AtomicLong[] {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()})[what].incrementAndGet();
        }

        static Thread start(Runnable flood) {
            Thread thread = new Thread(flood);
            thread.start();
            return thread;
        }

        static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * A visitor's socket from {@code address}, sending one frame at a time (the JDK's WebSocket allows no overlap).
         * When the server closes it, or refuses to open one, it waits a second and connects again, as a script would;
         * each time counts as "closed" ({@code first}, if any, is sent again on every new connection).
         */
        static final class Socket {
            private final HttpClient client;
            private final String ws;
            private final String address;
            private final String flood;
            private final String first;
            private final Consumer<String> also;
            private WebSocket socket;

            Socket(HttpClient client, String ws, String address, String flood, String first, Consumer<String> also) {
                this.client = client;
                this.ws = ws;
                this.address = address;
                this.flood = flood;
                this.first = first;
                this.also = also;
            }

            synchronized void send(String frame) {
                try {
                    if (socket == null) {
                        socket = client.newWebSocketBuilder().header("X-Forwarded-For", address)
                                .buildAsync(URI.create(ws + "/ws/chat"), new Listener(text -> {
                                    answered(flood, text);
                                    also.accept(text);
                                })).join();
                        if (first != null) {
                            socket.sendText(first, true).join();
                        }
                    }
                    socket.sendText(frame, true).join();
                } catch (RuntimeException closedOrRefused) {
                    socket = null;
                    count(flood == null ? "images" : flood, 4);
                    pause(1000);
                }
            }
        }
    }

    static double percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** Hands over whole frames: the JDK may deliver one frame in several parts. */
    static final class Listener implements WebSocket.Listener {
        private final Consumer<String> onText;
        private final StringBuilder partial = new StringBuilder();

        Listener(Consumer<String> onText) {
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
