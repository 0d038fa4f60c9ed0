package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.OwnParley;
import io.parley.systemtest.support.PayaraMicro;
import io.parley.systemtest.support.TestDatabase;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The routing's clocks and the desk's settings, on a server of its own with short timers (an assignment must be taken
 * up within 3 s, the visitor's countdown is 8 s): assignments nobody takes up move on, a countdown that runs out gives
 * the visitor the assistant back and the offline form, business hours keep requests out of the queue, and an agent who
 * lets go of a conversation hands it to the assistant or to the queue as the settings say.
 */
class RoutingClockIT {

    static final int ACCEPT_TIMEOUT_SECONDS = 3;

    private static OwnParley parley;
    private static TestDatabase database;
    private static PayaraMicro server;
    private static Api api;
    private static String admin;

    @BeforeAll
    static void start() {
        parley = OwnParley.start("routing-clock", Map.of("PARLEY_ROUTING_ACCEPT_TIMEOUT_SECONDS", String.valueOf(ACCEPT_TIMEOUT_SECONDS), "PARLEY_ROUTING_REQUEST_TIMEOUT_SECONDS", "8"))
                .allowingRequestsBeforeMessage();
        database = parley.database();
        server = parley.server();
        api = parley.api();
        admin = parley.adminToken();
    }

    @AfterAll
    static void stop() {
        parley.close();
    }

    @Test
    void anAssignmentNobodyTakesUpGoesToTheNextAgentAndTheFirstIsSetAway() {
        RoutingIT.closeEverythingWaiting(api, admin);
        String[] ann = agent("ann");
        String[] ben = agent("ben");
        try (ChatClient annSocket = socket(ann[1]); ChatClient benSocket = socket(ben[1]);
             ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            online(ann, ben);
            String session = visitor.startSession(Map.of("name", "Lapsing")).path("sessionId").asText();
            JsonNode asked = visitor.request("request_agent", Map.of());
            assertThat(asked.path("status").asText()).isEqualTo("assigned");
            assertThat(asked.path("waitSeconds").asLong()).as("the visitor's countdown").isBetween(1L, 8L);

            String first = owner(session);
            ChatClient firstSocket = first.equals(ann[0]) ? annSocket : benSocket;
            ChatClient secondSocket = first.equals(ann[0]) ? benSocket : annSocket;
            String second = first.equals(ann[0]) ? ben[0] : ann[0];
            JsonNode lapsed = firstSocket.until("assignment_lapsed", data -> data.path("sessionId").asText().equals(session));
            assertThat(lapsed.path("status").asText()).isEqualTo("away");
            secondSocket.until("session_assigned", data -> data.path("session").path("id").asText().equals(session));
            secondSocket.request("join_session", Map.of("sessionId", session, "afterSeq", 0));

            assertThat(owner(session)).isEqualTo(second);
            assertThat(presence(first)).as("who let it lapse is away").isEqualTo("away");
            secondSocket.drain(Duration.ofSeconds(6));
            assertThat(owner(session)).as("taken up: it stays").isEqualTo(second);
            assertThat(presence(second)).isEqualTo("online");
            offline(ann, ben);
        }
    }

    /**
     * A flood of requests fills an agent's capacity with offers at once; that they lapse says nothing of whether the
     * agent is at the desk, so the agent stays online (docs/decisions.md). An offer on its own that lapses still does.
     */
    @Test
    void offersThatLapseInARunOfSeveralLeaveTheAgentOnlineWhileOneOnItsOwnSetsThemAway() {
        RoutingIT.closeEverythingWaiting(api, admin);
        String[] dee = agent("dee");
        List<ChatClient> flood = new ArrayList<>();
        try (ChatClient deeSocket = socket(dee[1]); ChatClient single = ChatClient.connect(server.ws("/ws/chat"))) {
            assertThat(api.call("PUT", "/api/agents/me/status", dee[1], Map.of("status", "online", "capacity", 3)).status()).isEqualTo(200);
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"));
                flood.add(visitor);
                sessions.add(visitor.startSession(Map.of("name", "Flood " + i)).path("sessionId").asText());
                assertThat(visitor.request("request_agent", Map.of()).path("status").asText()).isEqualTo("assigned");
            }
            Map<String, String> statusAfterLapse = new HashMap<>();
            while (statusAfterLapse.size() < sessions.size()) {
                JsonNode lapsed = deeSocket.until("assignment_lapsed", data -> sessions.contains(data.path("sessionId").asText()));
                assertThat(statusAfterLapse.put(lapsed.path("sessionId").asText(), lapsed.path("status").asText()))
                        .as("a lapsed conversation is not offered back to Dee").isNull();
            }
            assertThat(statusAfterLapse.values()).as("three offers at once lapsed: Dee stays online").containsOnly("online");
            assertThat(presence(dee[0])).isEqualTo("online");
            assertThat(sessions).as("back in the queue, none offered to Dee again").allSatisfy(session -> assertThat(owner(session)).isNull());
            for (ChatClient visitor : flood) {
                visitor.request("end_session", Map.of());
            }
            deeSocket.drain(Duration.ofSeconds(ACCEPT_TIMEOUT_SECONDS + 1)); // the run of offers is over

            String alone = single.startSession(Map.of("name", "Alone")).path("sessionId").asText();
            assertThat(single.request("request_agent", Map.of()).path("status").asText()).isEqualTo("assigned");
            JsonNode lapsed = deeSocket.until("assignment_lapsed", data -> data.path("sessionId").asText().equals(alone));
            assertThat(lapsed.path("status").asText()).as("one offer on its own lapsed: Dee is not at the desk").isEqualTo("away");
            assertThat(presence(dee[0])).isEqualTo("away");
            single.request("end_session", Map.of());
        } finally {
            flood.forEach(ChatClient::close);
            offline(dee);
        }
    }

    @Test
    void withNobodyOnlineTheVisitorIsOfferedTheFormAndWhenTheCountdownEndsTheAssistantIsBack() {
        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            String session = visitor.startSession(Map.of("name", "Waiting")).path("sessionId").asText();
            visitor.send("request_agent", Map.of(), "ask");
            JsonNode offered = visitor.next("system_message").path("data");
            assertThat(offered.path("offers")).extracting(JsonNode::asText).containsExactly("offline_form");
            JsonNode asked = visitor.next("ack").path("data");
            assertThat(asked.path("status").asText()).as("it waits in the queue all the same").isEqualTo("waiting_agent");
            assertThat(asked.path("reason").asText()).isEqualTo("no_agent_online");

            JsonNode ended = visitor.until("system_message", data -> data.path("reason").asText().equals("no_agent_answered"));
            assertThat(ended.path("offers")).extracting(JsonNode::asText).containsExactly("offline_form");
            assertThat(ended.path("message").path("sender").asText()).isEqualTo("system");
            assertThat(api.get("/api/admin/sessions/" + session, admin).body().path("status").asText()).isEqualTo("active");
            visitor.say("hello");
            assertThat(visitor.until("bot_message", data -> true).path("message").path("sender").asText())
                    .as("the assistant answers again").isEqualTo("bot");
            assertThat(database.count("SELECT COUNT(*) FROM session_transitions WHERE session_id = ? AND to_status = 'ACTIVE'", session)).isEqualTo(1);
        }
    }

    @Test
    void outsideBusinessHoursTheRequestIsNotQueuedAndBadSettingsChangeNothing() {
        Map<String, Object> before = settings(false, true, "Europe/Berlin", List.of(period(notToday(), "09:00", "17:00")));
        assertThat(api.call("PUT", "/api/admin/settings", admin, before).status()).isEqualTo(200);
        String saved = api.get("/api/admin/settings", admin).raw();
        assertThat(saved).contains("Europe/Berlin").contains(notToday().name().toLowerCase(Locale.ROOT));

        for (Map<String, Object> bad : List.of(
                settings(false, true, "Mars/Olympus", List.of()),
                settings(false, true, "UTC", List.of(period(DayOfWeek.MONDAY, "17:00", "09:00"))),
                settings(false, true, "UTC", List.of(period(DayOfWeek.MONDAY, "9am", "17:00"))))) {
            assertThat(api.call("PUT", "/api/admin/settings", admin, bad).status()).as("%s", bad).isEqualTo(400);
        }
        assertThat(api.get("/api/admin/settings", admin).raw()).isEqualTo(saved);

        try (ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            String session = visitor.startSession(Map.of("name", "After hours")).path("sessionId").asText();
            visitor.send("request_agent", Map.of(), "ask");
            assertThat(visitor.next("system_message").path("data").path("offers")).extracting(JsonNode::asText).containsExactly("offline_form");
            JsonNode asked = visitor.next("ack").path("data");
            assertThat(asked.path("status").asText()).isEqualTo("active");
            assertThat(asked.path("reason").asText()).isEqualTo("outside_business_hours");
            assertThat(api.get("/api/admin/sessions/" + session, admin).body().path("status").asText()).isEqualTo("active");

            api.call("PUT", "/api/admin/settings", admin, settings(false, true, "UTC", List.of(period(today(), "00:00", "24:00"))));
            assertThat(visitor.request("request_agent", Map.of()).path("status").asText()).as("open now").isEqualTo("waiting_agent");
        } finally {
            api.call("PUT", "/api/admin/settings", admin, settings(false, false, "UTC", List.of()));
        }
        assertThat(database.count("SELECT COUNT(*) FROM audit_log WHERE action = 'settings.change'")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anAgentWhoLetsGoHandsTheConversationToTheQueueOrToTheAssistantAsTheSettingsSay() {
        RoutingIT.closeEverythingWaiting(api, admin);
        String[] cy = agent("cy");
        try (ChatClient cySocket = socket(cy[1]); ChatClient visitor = ChatClient.connect(server.ws("/ws/chat"))) {
            online(cy);
            String session = visitor.startSession(Map.of("name", "Let go")).path("sessionId").asText();
            api.call("PUT", "/api/admin/sessions/" + session + "/assign", admin, Map.of("agentId", cy[0]));
            JsonNode again = visitor.request("request_agent", Map.of());
            assertThat(again.path("status").asText()).as("given by hand: the visitor has someone").isEqualTo("unchanged");
            assertThat(again.has("waitSeconds")).as("and never waited").isFalse();
            cySocket.request("join_session", Map.of("sessionId", session, "afterSeq", 0));
            assertThat(visitor.next("system_message").path("data").path("event").asText()).as("Cy took it up").isEqualTo("agent_joined");

            JsonNode released = api.call("PUT", "/api/admin/sessions/" + session + "/release", cy[1], null).body();
            assertThat(released.path("status").asText()).as("nobody else has room: the queue").isEqualTo("waiting_agent");
            assertThat(api.call("PUT", "/api/admin/sessions/" + session + "/release", cy[1], null).status())
                    .as("not theirs any more").isEqualTo(404);

            api.call("PUT", "/api/admin/sessions/" + session + "/assign", cy[1], Map.of("agentId", cy[0]));
            api.call("PUT", "/api/admin/settings", admin, settings(true, false, "UTC", List.of()));
            assertThat(api.call("PUT", "/api/admin/sessions/" + session + "/release", cy[1], null).body().path("status").asText())
                    .isEqualTo("active");
            visitor.say("hello");
            assertThat(visitor.until("bot_message", data -> true).path("message").path("sender").asText()).isEqualTo("bot");
        } finally {
            api.call("PUT", "/api/admin/settings", admin, settings(false, false, "UTC", List.of()));
            offline(cy);
        }
    }

    private static String[] agent(String name) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "agent of the clock " + name;
        return new String[] {api.createUser(admin, email, password, "agent"), api.login(email, password)};
    }

    private static ChatClient socket(String token) {
        ChatClient socket = ChatClient.connect(server.ws("/ws/agent"));
        socket.authenticate(token);
        socket.request("join_admin_feed", Map.of());
        return socket;
    }

    private static void online(String[]... agents) {
        for (String[] agent : agents) {
            assertThat(api.call("PUT", "/api/agents/me/status", agent[1], Map.of("status", "online")).status()).isEqualTo(200);
        }
    }

    private static void offline(String[]... agents) {
        for (String[] agent : agents) {
            api.call("PUT", "/api/agents/me/status", agent[1], Map.of("status", "offline"));
        }
    }

    private static String owner(String sessionId) {
        return api.get("/api/admin/sessions/" + sessionId, admin).body().path("assignedAgentId").asText(null);
    }

    private static String presence(String userId) {
        for (JsonNode presence : api.get("/api/agents", admin).body()) {
            if (presence.path("userId").asText().equals(userId)) {
                return presence.path("status").asText();
            }
        }
        return null;
    }

    private static Map<String, Object> settings(boolean aiResumes, boolean hours, String zone, List<Map<String, String>> periods) {
        return Map.of("aiResumesAfterAgent", aiResumes, "businessHours", Map.of("enabled", hours, "timeZone", zone, "periods", periods));
    }

    private static Map<String, String> period(DayOfWeek day, String opens, String closes) {
        return Map.of("day", day.name().toLowerCase(Locale.ROOT), "opens", opens, "closes", closes);
    }

    private static DayOfWeek today() {
        return LocalDate.now(ZoneOffset.UTC).getDayOfWeek();
    }

    /** A weekday that is not today in Berlin either, whatever the hour. */
    private static DayOfWeek notToday() {
        return today().plus(3);
    }
}
