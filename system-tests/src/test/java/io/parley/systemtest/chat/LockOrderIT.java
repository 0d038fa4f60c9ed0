package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.OnTheParleyWithShortTimers;
import io.parley.systemtest.support.ParleyWithShortTimers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Routing, the sweeps and agents' status changes at once do not deadlock on MariaDB and leave the desk consistent:
 * six agents go online and away (taking more conversations as they go), take up, answer, resolve and let go of what
 * they are given; thirty visitors start conversations, ask for a person, write and leave; an admin transfers
 * conversations away; the routing clock moves assignments nobody took up, and the idle sweep closes conversations left
 * idle — all in the same twenty seconds, from several threads. Nobody may see a 5xx or an {@code internal} error, every
 * conversation must end up in a state that agrees with its history, and no agent may hold more than their room.
 * <p>
 * On the server with short timers ({@link ParleyWithShortTimers}): idle after 20 s, the sweep at every full minute,
 * assignments lapse after 5 s. The load is timed to run across a full minute, after conversations were left idle long
 * enough for that sweep to close them.
 */
class LockOrderIT extends OnTheParleyWithShortTimers {

    private static final int AGENTS = 6;
    private static final int IDLE_VISITORS = 10;
    private static final int BUSY_VISITORS = 20;
    private static final Duration LOAD = Duration.ofSeconds(20);
    private static final int MAX_CAPACITY = 4;
    private static final Set<String> OPEN = Set.of("active", "waiting_agent", "assigned");


    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> capacities = new ConcurrentHashMap<>();

    @Test
    void routingSweepsAndStatusChangesAtOnceNeitherDeadlockNorLeaveTheDeskInconsistent() throws Exception {
        RoutingIT.closeEverythingWaiting(api, admin);
        List<String[]> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            agents.add(parley.newAgent("lock-" + i));
        }
        String[] overflow = parley.newAgent("overflow");
        Set<String> agentIds = new HashSet<>();
        agents.forEach(agent -> agentIds.add(agent[0]));
        List<ChatClient> clients = Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(AGENTS + BUSY_VISITORS + 1);
        try {
            // conversations left idle for the minute's sweep, half of them waiting for a person: started early in a
            // minute, so that the next full minute finds them idle for more than the timeout and no earlier one does
            awaitEarlyInAMinute();
            List<String> idleWithTheAssistant = new ArrayList<>();
            for (int i = 0; i < IDLE_VISITORS; i++) {
                ChatClient visitor = ChatClient.connect(parley.server().ws("/ws/chat"));
                clients.add(visitor);
                String id = answer(visitor, "start_session", Map.of("userMeta", Map.of("name", "Idle " + i))).path("sessionId").asText();
                sessions.add(id);
                if (i % 2 == 0) {
                    answer(visitor, "request_agent", Map.of());
                } else {
                    idleWithTheAssistant.add(id);
                }
            }
            Instant sweep = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
            assertThat(Duration.between(Instant.now(), sweep)).as("the idle conversations will be idle long enough at the next full minute")
                    .isGreaterThan(Duration.ofSeconds(ParleyWithShortTimers.SESSION_TIMEOUT_SECONDS + 2));
            List<ChatClient> agentSockets = new ArrayList<>();
            for (String[] agent : agents) {
                agentSockets.add(parley.agentSocket(agent[1]));
            }
            clients.addAll(agentSockets);
            List<ChatClient> busyVisitors = new ArrayList<>();
            for (int i = 0; i < BUSY_VISITORS; i++) {
                busyVisitors.add(ChatClient.connect(parley.server().ws("/ws/chat")));
            }
            clients.addAll(busyVisitors);

            // the load runs from 10 s before that minute's sweep to 10 s after it
            Instant loadStart = sweep.minusSeconds(LOAD.toSeconds() / 2);
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), loadStart).toMillis()));
            Instant end = Instant.now().plus(LOAD);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                String[] agent = agents.get(i);
                ChatClient socket = agentSockets.get(i);
                running.add(workers.submit(() -> guard("agent " + agent[0], () -> agentWork(agent, socket, end))));
            }
            for (int i = 0; i < BUSY_VISITORS; i++) {
                ChatClient visitor = busyVisitors.get(i);
                int number = i;
                running.add(workers.submit(() -> guard("visitor " + number, () -> visitorWork(visitor, number, end))));
            }
            running.add(workers.submit(() -> guard("admin", () -> adminWork(overflow[0], end))));
            for (Future<?> worker : running) {
                try {
                    worker.get(Math.max(1, Duration.between(Instant.now(), end.plusSeconds(45)).toMillis()), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    failures.add("a worker was still busy 45 s after the load ended: a request hangs");
                }
            }
            for (String[] agent : agents) {
                status(agent[1], "offline", capacities.getOrDefault(agent[0], 1));
            }
            clients.forEach(client -> client.received().forEach(this::scan));

            assertThat(failures).as("requests that failed with a 5xx or an internal/unavailable error, or hung, under concurrent load; the server "
                    + "said: %s", parley.server().logLines().stream().filter(line -> line.contains("failed")).toList()).isEmpty();
            for (String id : idleWithTheAssistant) {
                assertThat(session(id).path("status").asText()).as("the minute's sweep ran during the load and closed idle conversation %s", id)
                        .isEqualTo("closed");
            }
            assertConsistent(agentIds, overflow[0]);
            assertThat(parley.server().logLines()).as("the server log")
                    .noneMatch(line -> line.toLowerCase(Locale.ROOT).contains("deadlock") || line.contains("Lock wait timeout"));
            parley.server().assertLogClean();
        } finally {
            workers.shutdownNow();
            for (String[] agent : agents) {
                api.call("PUT", "/api/agents/me/status", agent[1], Map.of("status", "offline"));
            }
            // nothing left behind for routing on this shared server
            for (String id : sessions) {
                if (OPEN.contains(session(id).path("status").asText())) {
                    api.call("PUT", "/api/admin/sessions/" + id + "/close", admin, null);
                }
            }
            clients.forEach(LockOrderIT::closeQuietly);
        }
    }

    /** Every conversation's status agrees with its stored history, its owner and its messages; nobody holds more than their room. */
    private void assertConsistent(Set<String> agentIds, String overflowId) {
        Set<String> owners = new HashSet<>(agentIds);
        owners.add(overflowId);
        List<String> broken = new ArrayList<>();
        for (Map<String, Object> row : parley.database().query("""
                SELECT s.id, s.status, s.assigned_agent_id, s.moves, s.last_seq,
                       (SELECT COUNT(*) FROM session_transitions t WHERE t.session_id = s.id) AS transitions,
                       (SELECT MAX(t.seq) FROM session_transitions t WHERE t.session_id = s.id) AS last_move,
                       (SELECT t.to_status FROM session_transitions t WHERE t.session_id = s.id ORDER BY t.seq DESC LIMIT 1) AS last_to,
                       (SELECT COUNT(*) FROM chat_messages m WHERE m.session_id = s.id) AS messages,
                       (SELECT MAX(m.seq) FROM chat_messages m WHERE m.session_id = s.id) AS last_message
                FROM chat_sessions s""")) {
            String id = (String) row.get("id");
            if (!sessions.contains(id)) {
                continue;
            }
            String status = (String) row.get("status");
            String owner = (String) row.get("assigned_agent_id");
            long moves = number(row.get("moves"));
            long lastSeq = number(row.get("last_seq"));
            if (number(row.get("transitions")) != moves || moves > 0 && number(row.get("last_move")) != moves) {
                broken.add(id + ": " + moves + " moves but transitions " + row.get("transitions") + " up to " + row.get("last_move"));
            }
            if (moves == 0 ? !status.equals("ACTIVE") : !status.equals(row.get("last_to"))) {
                broken.add(id + ": status " + status + " but the last transition went to " + row.get("last_to"));
            }
            if (number(row.get("messages")) != lastSeq || lastSeq > 0 && number(row.get("last_message")) != lastSeq) {
                broken.add(id + ": last seq " + lastSeq + " but " + row.get("messages") + " messages up to " + row.get("last_message"));
            }
            if (status.equals("ASSIGNED") && !owners.contains(owner)) {
                broken.add(id + ": assigned to " + owner + ", who is none of the agents");
            }
            if ((status.equals("ACTIVE") || status.equals("WAITING_AGENT")) && owner != null) {
                broken.add(id + ": " + status + " yet owned by " + owner);
            }
        }
        assertThat(broken).as("conversations whose state contradicts their history, owner or messages").isEmpty();

        JsonNode assigned = api.get("/api/admin/sessions?status=assigned&size=200", admin).body();
        for (JsonNode session : assigned.path("items")) {
            if (sessions.contains(session.path("id").asText())) {
                assertThat(owners).as("the inbox shows assigned conversation %s with an agent", session.path("id").asText())
                        .contains(session.path("assignedAgentId").asText());
            }
        }

        List<String> over = new ArrayList<>();
        for (Map<String, Object> row : parley.database().query("""
                SELECT p.user_id, p.capacity, COUNT(s.id) AS held
                FROM agent_presence p LEFT JOIN chat_sessions s ON s.assigned_agent_id = p.user_id AND s.status = 'ASSIGNED'
                GROUP BY p.user_id, p.capacity""")) {
            if (agentIds.contains((String) row.get("user_id")) && number(row.get("held")) > number(row.get("capacity"))) {
                over.add(row.get("user_id") + " holds " + row.get("held") + " with room for " + row.get("capacity"));
            }
        }
        assertThat(over).as("agents holding more assigned conversations than their capacity (which only ever rose)").isEmpty();
    }

    /**
     * An agent: goes online (now and then with room for one more, never less) and away, takes up most of what they
     * are given (the rest lapses), answers, resolves and lets go of their conversations. They write only where the
     * inbox shows them as the owner: writing in a conversation nobody owns would take it whatever their room.
     */
    private void agentWork(String[] agent, ChatClient socket, Instant end) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Set<String> given = new LinkedHashSet<>();
        List<String> mine = new ArrayList<>();
        int capacity = 1;
        boolean online = false;
        while (Instant.now().isBefore(end)) {
            for (JsonNode frame : socket.received()) {
                scan(frame);
                String type = frame.path("type").asText();
                if (type.equals("session_assigned")) {
                    given.add(frame.path("data").path("session").path("id").asText());
                } else if (type.equals("session_hidden")) {
                    mine.remove(frame.path("data").path("sessionId").asText());
                }
            }
            int dice = random.nextInt(100);
            if (dice < 20) {
                online = !online;
                if (online && capacity < MAX_CAPACITY && random.nextInt(3) == 0) {
                    capacity++;
                }
                status(agent[1], online ? "online" : "away", capacity);
                capacities.put(agent[0], capacity);
            } else if (dice < 45 && !given.isEmpty()) {
                String id = given.iterator().next();
                given.remove(id);
                if (random.nextInt(4) > 0 && answer(socket, "join_session", Map.of("sessionId", id, "afterSeq", 0)).path("lastSeq").isNumber()) {
                    mine.add(id);
                }
            } else if (dice < 65 && !mine.isEmpty()) {
                String id = mine.get(random.nextInt(mine.size()));
                Api.Reply session = rest("GET", "/api/admin/sessions/" + id, agent[1], null);
                if (session.status() == 200 && agent[0].equals(session.body().path("assignedAgentId").asText())
                        && session.body().path("status").asText().equals("assigned")) {
                    answer(socket, "agent_message", Map.of("sessionId", id, "text", "on it", "clientMsgId", UUID.randomUUID().toString()));
                } else {
                    mine.remove(id);
                }
            } else if (dice < 75 && !mine.isEmpty()) {
                rest("PUT", "/api/admin/sessions/" + mine.remove(random.nextInt(mine.size())) + "/close", agent[1], null);
            } else if (dice < 82 && !mine.isEmpty()) {
                rest("PUT", "/api/admin/sessions/" + mine.remove(random.nextInt(mine.size())) + "/release", agent[1], null);
            }
            pause(50, 250);
        }
    }

    /** A visitor: starts a conversation, writes, asks for a person, writes on, and leaves it or just starts another. */
    private void visitorWork(ChatClient visitor, int number, Instant end) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int conversation = 0;
        while (Instant.now().isBefore(end)) {
            conversation++;
            JsonNode started = answer(visitor, "start_session", Map.of("userMeta", Map.of("name", "Busy " + number + "." + conversation)));
            if (!started.hasNonNull("sessionId")) {
                pause(200, 600);
                continue;
            }
            sessions.add(started.path("sessionId").asText());
            int messages = random.nextInt(1, 3);
            for (int i = 0; i < messages; i++) {
                write(visitor, "question " + i + " about order " + number + "-" + conversation);
            }
            answer(visitor, "request_agent", Map.of());
            int more = random.nextInt(1, 5);
            for (int i = 0; i < more && Instant.now().isBefore(end); i++) {
                pause(200, 600);
                write(visitor, "and detail " + i + " of order " + number + "-" + conversation);
            }
            if (random.nextBoolean()) {
                answer(visitor, "end_session", Map.of());
            }
        }
    }

    /** The admin: every second or so, transfers an assigned conversation to a colleague who never takes anything up. */
    private void adminWork(String overflowId, Instant end) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (Instant.now().isBefore(end)) {
            pause(500, 1000);
            Api.Reply assigned = rest("GET", "/api/admin/sessions?status=assigned&size=50", admin, null);
            List<String> ids = new ArrayList<>();
            assigned.body().path("items").forEach(session -> ids.add(session.path("id").asText()));
            ids.retainAll(sessions);
            if (!ids.isEmpty()) {
                rest("PUT", "/api/admin/sessions/" + ids.get(random.nextInt(ids.size())) + "/assign", admin, Map.of("agentId", overflowId));
            }
        }
    }

    private void write(ChatClient visitor, String text) {
        answer(visitor, "user_message", Map.of("text", text, "clientMsgId", UUID.randomUUID().toString()));
    }

    /**
     * Sends a frame and returns the data of its answer (an ack, or an error: a conversation that ended meanwhile is
     * fine), noting every frame that came on the way.
     */
    private JsonNode answer(ChatClient client, String type, Object data) {
        String ref = ChatClient.ref();
        client.send(type, data, ref);
        while (true) {
            JsonNode frame = client.next();
            if (ref.equals(frame.path("ref").asText())) {
                scan(frame, type);
                return frame.path("data");
            }
            scan(frame);
        }
    }

    /** Notes a frame that says the server failed. */
    private void scan(JsonNode frame) {
        scan(frame, "a frame");
    }

    /** Notes a frame that says the server failed, with what it answered. */
    private void scan(JsonNode frame, String answering) {
        if (frame.path("type").asText().equals("error") && Set.of("internal", "unavailable").contains(frame.path("data").path("code").asText())) {
            failures.add("error frame answering " + answering + ": " + frame);
        }
    }

    private Api.Reply rest(String method, String path, String token, Object body) {
        Api.Reply reply = api.call(method, path, token, body);
        if (reply.status() >= 500) {
            failures.add(method + " " + path + ": " + reply);
        }
        return reply;
    }

    private void status(String token, String status, int capacity) {
        rest("PUT", "/api/agents/me/status", token, Map.of("status", status, "capacity", capacity));
    }

    /** Runs a worker, noting what made it stop early (a missing answer is a hang). */
    private void guard(String who, Runnable work) {
        try {
            work.run();
        } catch (Throwable e) {
            failures.add(who + " stopped: " + e);
        }
    }

    private static JsonNode session(String id) {
        return api.get("/api/admin/sessions/" + id, admin).body();
    }

    /**
     * Waits, if need be, for the first 30 seconds of a minute: conversations started then (in a few seconds) are idle
     * for longer than the timeout at the next full minute, and the full minute before came too early to close them.
     */
    private static void awaitEarlyInAMinute() throws InterruptedException {
        Instant now = Instant.now();
        if (now.atZone(ZoneOffset.UTC).getSecond() >= 30) {
            Thread.sleep(Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES).plusSeconds(1)).toMillis());
        }
    }

    private static void pause(int fromMillis, int toMillis) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(fromMillis, toMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // the test's own outcome is what matters
        }
    }
}
