package io.parley.systemtest.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.WebSocket;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.Chromium;
import io.parley.systemtest.support.Chromium.RunningChromium;
import io.parley.systemtest.support.OwnMariaDb;
import io.parley.systemtest.support.ParleyEnvironment;
import io.parley.systemtest.support.PayaraMicro;
import io.parley.systemtest.support.ServerProcess;
import io.parley.systemtest.support.WidgetPage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database goes away for ten seconds in the middle of a conversation and comes back: a visitor in the real widget
 * and an agent on the console socket keep writing all along. What the server cannot store meanwhile it answers
 * {@code unavailable} at once, and the message is sent again with the same clientMsgId (by the widget itself; by the
 * agent's client as the console does), so in the end every message is stored exactly once, in the order its author
 * wrote it, without seq gaps, and both sides hold exactly the stored transcript.
 *
 * <p>The database is a MariaDB server of this test's own ({@link OwnMariaDb}), killed as in a crash: the shared one
 * on 3306 is never touched.
 */
@ExtendWith(Chromium.class)
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /** One side writes, then the other, this far apart. */
    private static final Duration TURN = Duration.ofMillis(400);
    /** Messages of each side before the database goes and after it is back. */
    private static final int BEFORE = 4;
    private static final int AFTER = 4;
    /** The widget's pauses grow (2, 2, 2–4, 4–8, 8–16 s): its next try may come this long after the database is back. */
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /**
     * How long the server may take to answer a frame while the database is down. "unavailable" is worth something only
     * when it comes at once: a socket's frames are handled one after another, so one frame held back holds back all.
     */
    private static final Duration PROMPT = Duration.ofSeconds(3);
    private static final String DATABASE = "parley";
    private static final String ON_THEIR_WAY = ".msg:not([data-seq]):not(.welcome)";

    @Test
    void everyMessageWrittenWhileTheDatabaseIsDownIsStoredOnceInOrderAndBothSidesShowTheStoredTranscript(RunningChromium chromium) {
        long began = System.nanoTime();
        try (OwnMariaDb db = OwnMariaDb.start("outage-mariadb")) {
            Map<String, String> environment = ParleyEnvironment.on(db.createDatabase(DATABASE));
            PayaraMicro server = PayaraMicro.start(ServerProcess.workDir("outage-parley"), environment);
            try {
                converseThroughTheOutage(db, server, chromium);
                assertThat(server.severeRecords().stream().filter(record -> !commitCutByTheCrash(record)).toList())
                        .as("SEVERE records in the server's log (target/work/outage-parley-*.log)").isEmpty();
            } finally {
                server.close();
                System.out.printf("DatabaseOutageIT: %d s in all%n", Duration.ofNanos(System.nanoTime() - began).toSeconds());
            }
        }
    }

    private void converseThroughTheOutage(OwnMariaDb db, PayaraMicro server, RunningChromium chromium) {
        Api api = new Api(server.http("/"));
        String adminToken = api.login(ParleyEnvironment.ADMIN_EMAIL, ParleyEnvironment.ADMIN_PASSWORD);
        WidgetWire wire = new WidgetWire();
        try (BrowserContext visitor = chromium.visitor(1280, 800);
             ConsoleAgent agent = new ConsoleAgent(ChatClient.connect(server.ws("/ws/agent")))) {
            visitor.onPage(page -> page.onWebSocket(wire::watch));
            WidgetPage widget = WidgetPage.open(visitor, "http://localhost:" + server.http("/").getPort() + "/");
            widget.openChat();
            String session = widget.sessionId();
            agent.socket.authenticate(adminToken);
            agent.join(session);
            // the console reads over REST from its start, so the server has verified its token before the outage
            assertThat(api.get("/api/admin/sessions/" + session, adminToken).status()).isEqualTo(200);

            List<String> visitorTexts = new ArrayList<>();
            List<String> agentTexts = new ArrayList<>();
            CompletableFuture<Api.Reply> restDuringOutage = null;
            long killedAt = 0;
            CompletableFuture<Long> restarted = null;
            int afterRestart = 0;
            int failedSeen = 0;
            long nextTurn = System.nanoTime();
            // the agent writes first and so takes the conversation up: the assistant stays out of it
            boolean agentsTurn = true;
            while (true) {
                agent.pump();
                long now = System.nanoTime();
                if (killedAt == 0 && agentTexts.size() >= BEFORE && visitorTexts.size() >= BEFORE) {
                    db.kill();
                    killedAt = System.nanoTime();
                    agent.outage(true);
                    wire.outage(true);
                } else if (killedAt != 0 && restDuringOutage == null && now - killedAt >= Duration.ofSeconds(2).toNanos()) {
                    restDuringOutage = CompletableFuture.supplyAsync(
                            () -> api.get("/api/admin/sessions/" + session + "/messages?afterSeq=0&limit=100", adminToken));
                } else if (killedAt != 0 && restarted == null && now - killedAt >= OUTAGE.toNanos()) {
                    restarted = CompletableFuture.supplyAsync(() -> {
                        db.start();
                        return System.nanoTime();
                    });
                }
                if (restarted != null && restarted.isDone()) {
                    long backAt = restarted.join(); // throws if the database did not start again
                    agent.outage(false);
                    wire.outage(false);
                    if (afterRestart >= 2 * AFTER) {
                        System.out.printf("DatabaseOutageIT: the database was away %d ms; %d messages of the visitor and %d of the agent"
                                + " written%n", Duration.ofNanos(backAt - killedAt).toMillis(), visitorTexts.size(), agentTexts.size());
                        break;
                    }
                }
                if (now >= nextTurn) {
                    if (agentsTurn) {
                        String text = "agent " + (agentTexts.size() + 1);
                        agentTexts.add(text);
                        agent.write(session, text);
                    } else {
                        String text = "visitor " + (visitorTexts.size() + 1);
                        visitorTexts.add(text);
                        widget.say(text);
                        failedSeen = Math.max(failedSeen, widget.chat().locator(".msg.failed").count());
                    }
                    agentsTurn = !agentsTurn;
                    if (restarted != null && restarted.isDone()) {
                        afterRestart++;
                    }
                    nextTurn += TURN.toNanos();
                }
                widget.page().waitForTimeout(20); // Playwright hands over the widget's socket frames while in its calls
            }
            long backAt = restarted.join();

            // everything written goes out once the database is back: the widget's by itself, the agent's from its queue
            long deadline = System.nanoTime() + DELIVERY.toNanos();
            while (System.nanoTime() < deadline && (!agent.idle() || widget.chat().locator(ON_THEIR_WAY).count() > 0)) {
                agent.pump();
                widget.page().waitForTimeout(100);
            }
            System.out.printf("DatabaseOutageIT: all delivered %d ms after the database was back; 'unavailable' answers: widget %s,"
                    + " agent %d; slowest answer while down: widget %d ms, agent %d ms%n", Duration.ofNanos(System.nanoTime() - backAt).toMillis(),
                    wire.unavailable, agent.unavailable, wire.slowestWhileDown, agent.slowestWhileDown);

            // the outage really happened: without it this test proves nothing
            assertThat(agent.unavailable).as("agent_message frames answered 'unavailable' while the database was down - none means the"
                    + " database did not go away, or the server answered otherwise (the agent's errors: %s)", agent.errors).isPositive();

            SoftAssertions softly = new SoftAssertions();
            // while the database was down: told at once, never "failed"
            softly.assertThat(agent.slowestWhileDown).as("the slowest answer (ms) to an agent_message sent while the database"
                    + " was down: the server must answer 'unavailable' at once, not hold the frame").isLessThan(PROMPT.toMillis());
            softly.assertThat(wire.slowestWhileDown).as("the slowest answer (ms) to a user_message the widget sent while the database was"
                    + " down (the widget's later messages wait behind it)").isLessThan(PROMPT.toMillis());
            softly.assertThat(wire.unavailable.getOrDefault("user_message", 0)).as("the widget's user_message frames answered"
                    + " 'unavailable' while the database was down (all its answered frames: %s)", wire.unavailable).isPositive();
            softly.assertThat(agent.errors).as("errors other than 'unavailable' answered to the agent").isEmpty();
            softly.assertThat(failedSeen).as("messages the widget showed as failed during the outage").isZero();
            softly.assertThat(widget.chat().locator(".msg.failed").count()).as("messages the widget shows as failed").isZero();
            softly.assertThat(agent.idle()).as("the agent's messages all acknowledged within %s of the database's return (left: %s)",
                    DELIVERY, agent.queue.stream().map(m -> m[1]).toList()).isTrue();
            softly.assertThat(widget.chat().locator(ON_THEIR_WAY).allInnerTexts())
                    .as("the widget's messages still on their way %s after the database came back", DELIVERY).isEmpty();

            // stored: each once, in the order written, without seq gaps
            List<Map<String, Object>> stored = db.query(DATABASE,
                    "SELECT id, seq, sender, body, client_msg_id FROM chat_messages WHERE session_id = ? ORDER BY seq", session);
            List<Long> seqs = stored.stream().map(row -> ((Number) row.get("seq")).longValue()).toList();
            softly.assertThat(seqs).as("seqs without gaps or repeats").containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
            softly.assertThat(column(stored, "USER", "body")).as("the visitor's messages, stored once each in the order written")
                    .containsExactlyElementsOf(visitorTexts);
            softly.assertThat(column(stored, "AGENT", "body")).as("the agent's messages, stored once each in the order written")
                    .containsExactlyElementsOf(agentTexts);
            softly.assertThat(column(stored, "AGENT", "client_msg_id")).as("the agent's clientMsgIds").containsExactlyElementsOf(agent.written);
            List<Object> visitorIds = column(stored, "USER", "client_msg_id");
            softly.assertThat(visitorIds).as("the widget's clientMsgIds, stored").containsExactlyInAnyOrderElementsOf(wire.sends.keySet());
            List<String> resent = wire.sends.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
            softly.assertThat(resent).as("messages the widget sent again with the same clientMsgId").isNotEmpty();

            // the widget shows exactly the stored transcript, once, in order
            softly.assertThat(widget.stored().evaluateAll("nodes => nodes.map(n => Number(n.dataset.seq))"))
                    .as("the seqs the widget shows: every stored message once, in order").isEqualTo(seqs.stream().map(Long::intValue).toList());
            List<String> shown = widget.transcript();
            for (int i = 0; i < Math.min(shown.size(), stored.size()); i++) {
                softly.assertThat(shown.get(i)).as("the widget's message %d", i + 1).contains((String) stored.get(i).get("body"));
            }

            // the agent's socket got every stored message (kept by seq, as the console does)
            long agentDeadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < agentDeadline && agent.seen.size() < stored.size()) {
                agent.pump();
                widget.page().waitForTimeout(50);
            }
            softly.assertThat(agent.seen.keySet()).as("the seqs the agent's socket received").containsExactlyElementsOf(seqs);
            for (Map<String, Object> row : stored) {
                JsonNode got = agent.seen.get(((Number) row.get("seq")).longValue());
                softly.assertThat(got == null ? null : got.path("id").asText()).as("the agent's message at seq %s", row.get("seq"))
                        .isEqualTo(row.get("id"));
            }
            softly.assertThat(agent.conflicts).as("different messages the agent's socket got under one seq").isEmpty();

            // REST said "unavailable, try again" rather than failing or signing the console out
            Api.Reply rest = restDuringOutage.join();
            softly.assertThat(rest.status()).as("REST while the database is down: %s", rest.toString().substring(0, Math.min(200, rest.toString().length())))
                    .isEqualTo(503);
            softly.assertThat(rest.headers().firstValue("Retry-After")).as("Retry-After of the 503").isPresent();
            softly.assertAll();
        }
    }

    /**
     * The one SEVERE record a crash may cause: Payara's resource adapter logs a commit whose connection the crash cut
     * (RAR5031 from LocalTransactionImpl.commit). Whether that transaction was stored is unknown to the server; the client
     * sends the message again and the server finds it stored or not, which is what this test proves. A dead connection
     * lent out by the pool (RAR5031/RAR5027 as the transaction begins) is not let pass: the pool checks connections before
     * lending them (payara-config/datasource-mysql.asadmin).
     */
    private static boolean commitCutByTheCrash(String record) {
        return record.contains("RAR5031") && record.contains("LocalTransactionImpl.commit(") && record.contains("Communications link failure");
    }

    private static List<Object> column(List<Map<String, Object>> stored, String sender, String column) {
        return stored.stream().filter(row -> sender.equals(row.get("sender"))).map(row -> row.get(column)).toList();
    }

    private static JsonNode json(String text) {
        try {
            return text == null ? null : ChatClient.JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * What the widget's socket says and hears, as Chromium sees it: sends per clientMsgId, 'unavailable' answers per frame
     * type, and the longest wait for the answer to a user_message sent while the database was down.
     */
    private static final class WidgetWire {

        final Map<String, Integer> sends = new ConcurrentHashMap<>();
        final Map<String, Integer> unavailable = new ConcurrentHashMap<>();
        private final Map<String, String> typeOfRef = new ConcurrentHashMap<>();
        private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        private volatile boolean down;
        /** The longest wait (ms) for the answer to a user_message sent while the database was down. */
        volatile long slowestWhileDown;

        void outage(boolean down) {
            this.down = down;
        }

        void watch(WebSocket socket) {
            socket.onFrameSent(frame -> {
                JsonNode json = json(frame.text());
                if (json == null || !json.has("ref")) {
                    return;
                }
                String type = json.path("type").asText();
                typeOfRef.put(json.path("ref").asText(), type);
                if ("user_message".equals(type)) {
                    sends.merge(json.path("data").path("clientMsgId").asText(), 1, Integer::sum);
                    if (down) {
                        sentAt.put(json.path("ref").asText(), System.nanoTime());
                    }
                }
            });
            socket.onFrameReceived(frame -> {
                JsonNode json = json(frame.text());
                if (json == null || !json.has("ref")) {
                    return;
                }
                String ref = json.path("ref").asText();
                Long sent = sentAt.remove(ref);
                if (sent != null) {
                    slowestWhileDown = Math.max(slowestWhileDown, (System.nanoTime() - sent) / 1_000_000);
                }
                if ("error".equals(json.path("type").asText()) && "unavailable".equals(json.path("data").path("code").asText())) {
                    unavailable.merge(typeOfRef.getOrDefault(ref, "?"), 1, Integer::sum);
                }
            });
        }
    }

    /**
     * The agent's side as the console will be: messages queue up as written and go out one at a time in that order, each
     * with its clientMsgId; one answered {@code unavailable} goes out again after {@code retryAfterSeconds}. Everything the
     * socket hears of the session is kept by seq.
     */
    private static final class ConsoleAgent implements AutoCloseable {

        private static final Duration NO_ANSWER = Duration.ofSeconds(30);

        final ChatClient socket;
        final Deque<String[]> queue = new ArrayDeque<>();
        final List<String> written = new ArrayList<>();
        final Map<Long, JsonNode> seen = new TreeMap<>();
        final List<String> conflicts = new ArrayList<>();
        final List<JsonNode> errors = new ArrayList<>();
        int unavailable;
        /** The longest wait (ms) for the answer to an agent_message sent while the database was down. */
        long slowestWhileDown;
        private boolean down;
        private String session;
        private String inFlight;
        private long sentAt;
        private boolean sentWhileDown;
        private long resendAt;

        ConsoleAgent(ChatClient socket) {
            this.socket = socket;
        }

        void outage(boolean down) {
            this.down = down;
        }

        void join(String sessionId) {
            this.session = sessionId;
            String ref = ChatClient.ref();
            socket.send("join_session", Map.of("sessionId", sessionId, "afterSeq", 0), ref);
            while (true) {
                JsonNode frame = socket.next();
                if (ref.equals(frame.path("ref").asText())) {
                    assertThat(frame.path("type").asText()).as("answer to join_session: %s", frame).isEqualTo("ack");
                    return;
                }
                handle(frame);
            }
        }

        void write(String sessionId, String text) {
            String clientMsgId = "agent-" + UUID.randomUUID();
            written.add(clientMsgId);
            queue.add(new String[] {sessionId, text, clientMsgId});
            pump();
        }

        boolean idle() {
            return queue.isEmpty() && inFlight == null;
        }

        /** Takes in what the socket heard, and sends the next message when it may. */
        void pump() {
            socket.received().forEach(this::handle);
            long now = System.nanoTime();
            if (inFlight != null && now - sentAt > NO_ANSWER.toNanos()) {
                throw new AssertionError("The server did not answer agent_message '" + queue.element()[1] + "' within " + NO_ANSWER);
            }
            if (inFlight == null && !queue.isEmpty() && now >= resendAt) {
                String[] next = queue.element();
                inFlight = ChatClient.ref();
                sentAt = now;
                sentWhileDown = down;
                socket.send("agent_message", Map.of("sessionId", next[0], "text", next[1], "clientMsgId", next[2]), inFlight);
            }
        }

        private void handle(JsonNode frame) {
            String type = frame.path("type").asText();
            JsonNode data = frame.path("data");
            if (inFlight != null && inFlight.equals(frame.path("ref").asText())) {
                inFlight = null;
                if (sentWhileDown) {
                    slowestWhileDown = Math.max(slowestWhileDown, (System.nanoTime() - sentAt) / 1_000_000);
                }
                if ("ack".equals(type)) {
                    queue.remove();
                    keep(data.path("message"));
                } else if ("unavailable".equals(data.path("code").asText())) {
                    unavailable++;
                    resendAt = System.nanoTime() + Duration.ofSeconds(Math.max(1, data.path("retryAfterSeconds").asLong(2))).toNanos();
                } else {
                    // the console would show it as failed: the test reports it
                    errors.add(frame);
                    queue.remove();
                }
                return;
            }
            switch (type) {
                case "session_joined", "replay" -> data.path("messages").forEach(this::keep);
                case "new_message" -> keep(data.path("message"));
                case "error" -> errors.add(frame);
                default -> {
                    // session updates, typing and the like
                }
            }
        }

        private void keep(JsonNode message) {
            if (!session.equals(message.path("sessionId").asText(session))) {
                return;
            }
            long seq = message.path("seq").asLong();
            JsonNode had = seen.putIfAbsent(seq, message);
            if (had != null && !had.path("id").asText().equals(message.path("id").asText())) {
                conflicts.add(seq + ": " + had + " and " + message);
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
