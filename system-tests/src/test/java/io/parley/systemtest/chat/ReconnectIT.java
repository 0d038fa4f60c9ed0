package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.ParleyOnMariaDb;
import io.parley.systemtest.support.ParleyOnMariaDb.RunningParley;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A scripted conversation between a visitor and an agent in which both connections are cut at random points — before
 * a message is sent, and after it is sent but before its ack arrived. Each side reconnects, replays from the last seq
 * it saw and sends again what was not acknowledged. Both end with exactly the stored transcript: nothing lost, nothing
 * twice. The seed is printed, so a failure can be replayed.
 */
@ExtendWith(ParleyOnMariaDb.class)
class ReconnectIT {

    private static final int MESSAGES_PER_SIDE = 25;
    private static final double DROP_BEFORE_SENDING = 0.15;
    private static final double DROP_BEFORE_ACK = 0.15;

    @Test
    void bothSidesEndWithTheSameMessagesNoneTwiceWhateverConnectionIsCut(RunningParley parley) {
        long seed = System.nanoTime();
        System.out.println("ReconnectIT seed " + seed);
        Random random = new Random(seed);
        Api api = parley.api();
        String admin = parley.adminToken();
        String email = "reconnect-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        api.createUser(admin, email, "reconnect passphrase 1", "agent");
        String agentToken = api.login(email, "reconnect passphrase 1");

        Side visitor = Side.visitor(parley);
        String sessionId = visitor.sessionId;
        visitor.request("request_agent", Map.of());
        Side agent = Side.agent(parley, agentToken, sessionId);

        for (int i = 0; i < MESSAGES_PER_SIDE; i++) {
            for (Side side : random.nextBoolean() ? List.of(visitor, agent) : List.of(agent, visitor)) {
                if (random.nextDouble() < DROP_BEFORE_SENDING) {
                    side.reconnect();
                }
                side.send(side.name + "-" + i, random.nextDouble() < DROP_BEFORE_ACK);
            }
        }
        visitor.reconnect();
        agent.reconnect();

        Map<Long, String> stored = parley.database().query("SELECT seq, id FROM chat_messages WHERE session_id = ? ORDER BY seq", sessionId)
                .stream().collect(Collectors.toMap(row -> ((Number) row.get("seq")).longValue(), row -> (String) row.get("id"), (a, b) -> a, TreeMap::new));
        // the notice that the visitor asked for a person, the one that the agent joined (when they first wrote), and the script
        assertThat(stored).as("seed %d", seed).hasSize(2 + 2 * MESSAGES_PER_SIDE);
        assertThat(stored.keySet()).containsExactlyElementsOf(LongStream.rangeClosed(1, stored.size()).boxed().toList());
        assertThat(parley.database().count("SELECT COUNT(DISTINCT client_msg_id) FROM chat_messages WHERE session_id = ? AND client_msg_id IS NOT NULL", sessionId))
                .as("every scripted message once").isEqualTo(2L * MESSAGES_PER_SIDE);
        assertThat(visitor.seen).as("what the visitor has, seed %d", seed).isEqualTo(stored);
        assertThat(agent.seen).as("what the agent has, seed %d", seed).isEqualTo(stored);
        visitor.socket.close();
        agent.socket.close();
    }

    /** One side of the conversation: its socket, what it has seen (seq -> message id) and how it resumes. */
    private static final class Side {
        final String name;
        final Map<Long, String> seen = new TreeMap<>();
        final RunningParley parley;
        final Function<Side, ChatClient> connect;
        final String sessionType;
        String sessionId;
        String token;
        ChatClient socket;

        private Side(String name, RunningParley parley, String sessionType, Function<Side, ChatClient> connect) {
            this.name = name;
            this.parley = parley;
            this.sessionType = sessionType;
            this.connect = connect;
        }

        static Side visitor(RunningParley parley) {
            Side side = new Side("visitor", parley, "user_message", s -> {
                ChatClient client = ChatClient.connect(s.parley.server().ws("/ws/chat"));
                s.socket = client;
                s.request("resume", Map.of("sessionId", s.sessionId, "sessionToken", s.token, "afterSeq", s.lastSeq()));
                return client;
            });
            side.socket = ChatClient.connect(parley.server().ws("/ws/chat"));
            JsonNode started = side.socket.startSession(Map.of("name", "Flaky Wifi"));
            side.sessionId = started.path("sessionId").asText();
            side.token = started.path("sessionToken").asText();
            return side;
        }

        static Side agent(RunningParley parley, String token, String sessionId) {
            Side side = new Side("agent", parley, "agent_message", s -> {
                ChatClient client = ChatClient.connect(s.parley.server().ws("/ws/agent"));
                client.authenticate(s.token);
                s.socket = client;
                s.request("join_session", Map.of("sessionId", s.sessionId, "afterSeq", s.lastSeq()));
                return client;
            });
            side.sessionId = sessionId;
            side.token = token;
            side.socket = side.connect.apply(side);
            return side;
        }

        /** The last seq up to which nothing is missing: a client resumes from there, so a gap is filled too. */
        long lastSeq() {
            long last = 0;
            while (seen.containsKey(last + 1)) {
                last++;
            }
            return last;
        }

        /** Sends a frame and waits for its ack, taking in every message that arrives meanwhile. */
        JsonNode request(String type, Object data) {
            String ref = ChatClient.ref();
            socket.send(type, data, ref);
            while (true) {
                JsonNode frame = socket.next();
                absorbFrame(frame);
                if (ref.equals(frame.path("ref").asText())) {
                    assertThat(frame.path("type").asText()).as("answer to %s: %s", type, frame).isEqualTo("ack");
                    return frame.path("data");
                }
            }
        }

        void reconnect() {
            socket.drop();
            absorbReceived(socket);
            socket = connect.apply(this);
        }

        /** Sends; if the connection is cut before the ack, reconnects and sends the same message again. */
        void send(String clientMsgId, boolean dropBeforeAck) {
            Map<String, Object> data = sessionType.equals("user_message")
                    ? Map.of("text", clientMsgId, "clientMsgId", clientMsgId)
                    : Map.of("sessionId", sessionId, "text", clientMsgId, "clientMsgId", clientMsgId);
            if (dropBeforeAck) {
                socket.send(sessionType, data, clientMsgId);
                reconnect();
            }
            request(sessionType, data);
        }

        private void absorbReceived(ChatClient client) {
            client.received().forEach(this::absorbFrame);
        }

        private void absorbFrame(JsonNode frame) {
            JsonNode data = frame.path("data");
            switch (frame.path("type").asText()) {
                case "agent_message", "new_message", "system_message", "bot_message", "ack" -> absorb(data.path("message"));
                case "session_resumed", "session_joined" -> absorbAll(data.path("messages"));
                default -> { }
            }
        }

        private void absorbAll(JsonNode messages) {
            messages.forEach(this::absorb);
        }

        private void absorb(JsonNode message) {
            if (message.isMissingNode() || !message.path("sessionId").asText().equals(sessionId)) {
                return;
            }
            String previous = seen.putIfAbsent(message.path("seq").asLong(), message.path("id").asText());
            assertThat(previous == null || previous.equals(message.path("id").asText()))
                    .as("%s saw two messages with seq %d", name, message.path("seq").asLong()).isTrue();
        }
    }
}
