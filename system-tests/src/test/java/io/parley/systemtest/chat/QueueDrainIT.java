package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.OnTheParleyWithShortTimers;
import io.parley.systemtest.support.ParleyWithShortTimers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Room an agent gets back is used at once: Ada (online, room for one) has one visitor's conversation and a second
 * visitor waits; whatever frees her place — the first visitor leaves, she resolves it, she lets go of it, an admin
 * transfers it, she takes more at once, or the idle sweep closes it — the waiting conversation is hers within seconds.
 * <p>
 * On the server with short timers ({@link ParleyWithShortTimers}): a conversation idle for 20 s is closed by the
 * sweep that runs once a minute, and an assignment must be taken up within 5 s, so Ada joins what she is given.
 */
class QueueDrainIT extends OnTheParleyWithShortTimers {

    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    /** What frees Ada's one place while a second visitor waits. */
    enum FreedBy {
        VISITOR_LEAVES {
            @Override
            void free(Desk desk) {
                desk.firstVisitor.request("end_session", Map.of());
            }
        },
        AGENT_RESOLVES {
            @Override
            void free(Desk desk) {
                assertThat(api.call("PUT", "/api/admin/sessions/" + desk.first + "/close", desk.ada[1], null).status())
                        .as("Ada resolves the first conversation").isEqualTo(200);
            }
        },
        AGENT_RELEASES_TO_THE_ASSISTANT {
            @Override
            void free(Desk desk) {
                assertThat(api.call("PUT", "/api/admin/settings", admin, settings(true)).status()).isEqualTo(200);
                JsonNode released = api.call("PUT", "/api/admin/sessions/" + desk.first + "/release", desk.ada[1], null).body();
                assertThat(released.path("status").asText()).as("the assistant has the first conversation again").isEqualTo("active");
            }

            @Override
            void undo() {
                api.call("PUT", "/api/admin/settings", admin, settings(false));
            }
        },
        ADMIN_TRANSFERS_IT {
            @Override
            void free(Desk desk) {
                String[] bea = parley.newAgent("bea");
                assertThat(api.call("PUT", "/api/admin/sessions/" + desk.first + "/assign", admin, Map.of("agentId", bea[0])).status())
                        .as("the admin transfers the first conversation to Bea").isEqualTo(200);
                assertThat(session(desk.first).path("assignedAgentId").asText()).isEqualTo(bea[0]);
            }
        },
        AGENT_TAKES_MORE {
            @Override
            void free(Desk desk) {
                assertThat(api.call("PUT", "/api/agents/me/status", desk.ada[1], Map.of("status", "online", "capacity", 2))
                        .body().path("capacity").asInt()).as("Ada takes two at once now").isEqualTo(2);
            }

            @Override
            void afterwards(Desk desk) {
                assertThat(session(desk.first).path("assignedAgentId").asText()).as("and keeps the first").isEqualTo(desk.ada[0]);
            }
        };

        abstract void free(Desk desk);

        void afterwards(Desk desk) {
        }

        void undo() {
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FreedBy.class)
    void theWaitingConversationIsGivenAtOnceWhenAPlaceIsFreed(FreedBy freedBy) {
        try (Desk desk = Desk.set()) {
            freedBy.free(desk);
            desk.assertSecondGivenToAda(AT_ONCE, freedBy.name());
            freedBy.afterwards(desk);
        } finally {
            freedBy.undo();
        }
    }

    @Test
    void whenTheSweepClosesAnIdleConversationTheWaitingOneIsGivenAtOnceAndTheEndingIsAnnounced() {
        try (Desk desk = Desk.set(); ChatClient adminFeed = parley.agentSocket(admin)) {
            adminFeed.request("join_admin_feed", Map.of());
            // the first conversation is left idle; the second visitor writes now and then so that theirs is not idle too.
            // The sweep runs once a minute and takes what has been idle for 20 s: at most about 80 s from now.
            Instant deadline = Instant.now().plusSeconds(ParleyWithShortTimers.SESSION_TIMEOUT_SECONDS + 60 + 20);
            Optional<JsonNode> given = Optional.empty();
            for (int i = 0; given.isEmpty() && Instant.now().isBefore(deadline); i++) {
                given = desk.adaSocket.awaitFrame("session_assigned", data -> data.path("session").path("id").asText().equals(desk.second),
                        Duration.ofSeconds(5));
                if (given.isEmpty()) {
                    desk.secondVisitor.request("user_message", Map.of("text", "still waiting " + i, "clientMsgId", UUID.randomUUID().toString()));
                }
            }
            assertThat(given).as("the waiting conversation went to Ada once the sweep closed her idle one").isPresent();
            assertThat(session(desk.first).path("status").asText()).as("the idle conversation is closed").isEqualTo("closed");
            desk.assertSecondGivenToAda(Duration.ZERO, "the sweep");

            JsonNode ended = desk.firstVisitor.until("session_ended", data -> data.path("sessionId").asText().equals(desk.first), AT_ONCE);
            assertThat(ended.path("by").asText()).as("the idle visitor is told their conversation ended for lack of activity").isEqualTo("expiry");
            JsonNode announced = adminFeed.until("session_ended", data -> data.path("sessionId").asText().equals(desk.first), AT_ONCE);
            assertThat(announced.path("by").asText()).as("the admin's feed hears of the ending like of every other").isEqualTo("expiry");
        }
    }

    /**
     * The situation every case starts from: Ada online with room for one, the first visitor's conversation hers and
     * taken up, the second visitor waiting. Closing it sets her offline and ends both conversations.
     */
    static final class Desk implements AutoCloseable {

        final String[] ada;
        final ChatClient adaSocket;
        final ChatClient firstVisitor;
        final ChatClient secondVisitor;
        final String first;
        final String second;

        private Desk(String[] ada, ChatClient adaSocket, ChatClient firstVisitor, ChatClient secondVisitor, String first, String second) {
            this.ada = ada;
            this.adaSocket = adaSocket;
            this.firstVisitor = firstVisitor;
            this.secondVisitor = secondVisitor;
            this.first = first;
            this.second = second;
        }

        static Desk set() {
            RoutingIT.closeEverythingWaiting(api, admin);
            String[] ada = parley.newAgent("ada");
            ChatClient adaSocket = parley.agentSocket(ada[1]);
            List<AutoCloseable> opened = new ArrayList<>(List.of(adaSocket));
            try {
                assertThat(api.call("PUT", "/api/agents/me/status", ada[1], Map.of("status", "online", "capacity", 1)).status()).isEqualTo(200);
                ChatClient firstVisitor = ChatClient.connect(parley.server().ws("/ws/chat"));
                opened.add(firstVisitor);
                String first = firstVisitor.startSession(Map.of("name", "First Fay")).path("sessionId").asText();
                assertThat(firstVisitor.request("request_agent", Map.of()).path("status").asText())
                        .as("the first visitor gets Ada at once").isEqualTo("assigned");
                adaSocket.until("session_assigned", data -> data.path("session").path("id").asText().equals(first));
                adaSocket.request("join_session", Map.of("sessionId", first, "afterSeq", 0));

                ChatClient secondVisitor = ChatClient.connect(parley.server().ws("/ws/chat"));
                opened.add(secondVisitor);
                String second = secondVisitor.startSession(Map.of("name", "Second Sam")).path("sessionId").asText();
                assertThat(secondVisitor.request("request_agent", Map.of()).path("status").asText())
                        .as("Ada has no room: the second visitor waits").isEqualTo("waiting_agent");
                assertThat(session(second).path("status").asText()).isEqualTo("waiting_agent");
                assertThat(session(first).path("assignedAgentId").asText()).isEqualTo(ada[0]);
                return new Desk(ada, adaSocket, firstVisitor, secondVisitor, first, second);
            } catch (RuntimeException | Error e) {
                api.call("PUT", "/api/agents/me/status", ada[1], Map.of("status", "offline"));
                opened.forEach(QueueDrainIT::closeQuietly);
                throw e;
            }
        }

        /** Ada's socket is told she has the second conversation within {@code within}, and the inbox says so. */
        void assertSecondGivenToAda(Duration within, String after) {
            if (!within.isZero()) {
                assertThat(adaSocket.awaitFrame("session_assigned", data -> data.path("session").path("id").asText().equals(second), within))
                        .as("after %s, Ada's socket is told within %s that the waiting conversation is hers", after, within).isPresent();
            }
            adaSocket.request("join_session", Map.of("sessionId", second, "afterSeq", 0));
            JsonNode waiting = session(second);
            assertThat(waiting.path("status").asText()).as("after %s, the inbox shows the waiting conversation assigned", after).isEqualTo("assigned");
            assertThat(waiting.path("assignedAgentId").asText()).as("after %s, to Ada", after).isEqualTo(ada[0]);
        }

        @Override
        public void close() {
            api.call("PUT", "/api/agents/me/status", ada[1], Map.of("status", "offline"));
            for (String session : List.of(first, second)) {
                if (List.of("active", "waiting_agent", "assigned").contains(session(session).path("status").asText())) {
                    api.call("PUT", "/api/admin/sessions/" + session + "/close", admin, null);
                }
            }
            List.of(adaSocket, firstVisitor, secondVisitor).forEach(QueueDrainIT::closeQuietly);
        }
    }

    private static JsonNode session(String id) {
        return api.get("/api/admin/sessions/" + id, admin).body();
    }

    private static Map<String, Object> settings(boolean aiResumesAfterAgent) {
        return Map.of("aiResumesAfterAgent", aiResumesAfterAgent,
                "businessHours", Map.of("enabled", false, "timeZone", "UTC", "periods", List.of()));
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // the test's own outcome is what matters
        }
    }
}
