package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.ParleyOnMariaDb;
import io.parley.systemtest.support.ParleyOnMariaDb.RunningParley;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delivery promises: ordered replay on resume (in pages for a long conversation), refused strangers, idempotent client
 * message ids, no seq gaps.
 */
@ExtendWith(ParleyOnMariaDb.class)
class DeliveryIT {

    private static RunningParley parley;

    @BeforeAll
    static void server(RunningParley running) {
        parley = running;
    }

    @AfterAll
    static void noServerErrors() {
        parley.server().assertLogClean();
        // SocketTimers found Tyrus's scheduler field: frames do not pay for the container's scheduler (decisions.md §54)
        assertThat(parley.server().logLines()).as("the sockets' own timers").noneMatch(line -> line.contains("keep their idle timers on the scheduler of the application server"));
    }

    private ChatClient connect() {
        return ChatClient.connect(parley.server().ws("/ws/chat"));
    }

    @Test
    void resumeReplaysExactlyTheMessagesAfterTheGivenSeqInOrderBeforeAnythingNew() {
        String sessionId;
        String token;
        try (ChatClient first = connect()) {
            JsonNode started = first.startSession(Map.of());
            sessionId = started.path("sessionId").asText();
            token = started.path("sessionToken").asText();
            for (String text : List.of("hello", "opening hours?", "my parcel is late")) {
                first.say(text);
                first.next();
            }
        }
        try (ChatClient again = connect()) {
            JsonNode resumed = again.resume(sessionId, token, 2);
            assertThat(resumed.path("sessionId").asText()).isEqualTo(sessionId);
            assertThat(resumed.path("messages")).extracting(m -> m.path("seq").asLong()).containsExactly(3L, 4L, 5L, 6L);
            assertThat(resumed.path("messages")).extracting(m -> m.path("text").asText())
                    .startsWith("opening hours?").contains("my parcel is late");

            JsonNode next = again.say("thanks");
            assertThat(next.path("seq").asLong()).isEqualTo(7);
            assertThat(again.next("bot_message").path("data").path("message").path("seq").asLong()).isEqualTo(8);
        }
        try (ChatClient upToDate = connect()) {
            assertThat(upToDate.resume(sessionId, token, 8).path("messages")).isEmpty();
            assertThat(upToDate.resume(sessionId, token, 0).path("messages")).hasSize(8);
        }
    }

    @Test
    void aLongConversationIsReplayedInPagesOfAHundredEachMessageOnceAndAllBeforeTheAck() {
        String sessionId;
        String token;
        try (ChatClient first = connect()) {
            JsonNode started = first.startSession(Map.of("name", "Long talker"));
            sessionId = started.path("sessionId").asText();
            token = started.path("sessionToken").asText();
            first.request("request_agent", Map.of()); // the assistant stays quiet: the notice is seq 1, then only the visitor writes
            for (int i = 2; i <= 230; i++) {
                first.request("user_message", Map.of("text", "line " + i, "clientMsgId", "long-" + i));
            }
        }
        try (ChatClient again = connect()) {
            again.send("resume", Map.of("sessionId", sessionId, "sessionToken", token, "afterSeq", 0), "resume");
            assertReplayedInPages(again, "session_resumed", 230);
            assertThat(again.next("ack").path("data").path("lastSeq").asLong()).isEqualTo(230);
        }
        try (ChatClient admin = parley.agentSocket(parley.adminToken())) {
            admin.send("join_session", Map.of("sessionId", sessionId, "afterSeq", 20), "join");
            assertReplayedInPages(admin, "session_joined", 230);
            assertThat(admin.next("ack").path("data").path("lastSeq").asLong()).isEqualTo(230);
        }
    }

    /** The first page in {@code first}, then {@code replay} frames, at most 100 messages each, up to {@code lastSeq} in order. */
    private static void assertReplayedInPages(ChatClient socket, String first, long lastSeq) {
        List<Long> seqs = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        JsonNode page = socket.next(first).path("data");
        long from = -1;
        while (true) {
            pageSizes.add(page.path("messages").size());
            page.path("messages").forEach(message -> seqs.add(message.path("seq").asLong()));
            if (from < 0) {
                from = seqs.get(0);
            }
            if (!page.path("more").asBoolean()) {
                break;
            }
            page = socket.next("replay").path("data");
        }
        assertThat(pageSizes).as("pages of at most a hundred messages").allSatisfy(size -> assertThat(size).isBetween(1, 100));
        assertThat(seqs).as("every message once, in order, up to the last").containsExactlyElementsOf(
                LongStream.rangeClosed(from, lastSeq).boxed().toList());
    }

    @Test
    void aWrongTokenAndAnotherVisitorsTokenAreRefusedAndChangeNothing() {
        try (ChatClient alice = connect(); ChatClient mallory = connect()) {
            JsonNode aliceSession = alice.startSession(Map.of());
            String aliceId = aliceSession.path("sessionId").asText();
            alice.say("hello");
            alice.next("bot_message");
            String malloryToken = mallory.startSession(Map.of()).path("sessionToken").asText();

            mallory.send("resume", Map.of("sessionId", aliceId, "sessionToken", malloryToken, "afterSeq", 0), "steal");
            JsonNode refused = mallory.next("error");
            assertThat(refused.path("ref").asText()).isEqualTo("steal");
            assertThat(refused.path("data").path("code").asText()).isEqualTo("session_refused");

            mallory.send("resume", Map.of("sessionId", "00000000-0000-4000-8000-000000000000",
                    "sessionToken", malloryToken, "afterSeq", 0), "guess");
            JsonNode unknown = mallory.next("error").path("data");
            assertThat(unknown.path("code").asText()).isEqualTo("session_refused");
            assertThat(unknown.path("message").asText()).isEqualTo(refused.path("data").path("message").asText());

            // Mallory's socket stays on her own session: what she writes lands there, not in Alice's
            mallory.say("is anybody there?");
            mallory.next();
            assertThat(parley.database().count("SELECT COUNT(*) FROM chat_messages WHERE session_id = ?", aliceId)).isEqualTo(2);

            // and Alice carries on undisturbed
            assertThat(alice.say("thanks").path("seq").asLong()).isEqualTo(3);
        }
    }

    @Test
    void theSameClientMsgIdTwiceStoresOneMessageAndAcksBothWithTheSameSeq() {
        try (ChatClient visitor = connect()) {
            String sessionId = visitor.startSession(Map.of()).path("sessionId").asText();
            JsonNode first = visitor.say("hello", "retry-me");
            assertThat(visitor.next("bot_message").path("data").path("message").path("seq").asLong()).isEqualTo(2);

            JsonNode second = visitor.say("hello", "retry-me");
            assertThat(second.path("seq").asLong()).isEqualTo(first.path("seq").asLong()).isEqualTo(1);
            assertThat(second.path("id").asText()).isEqualTo(first.path("id").asText());
            assertThat(visitor.drain(Duration.ofMillis(700))).as("no second answer to a repeated message").isEmpty();

            assertThat(parley.database().count(
                    "SELECT COUNT(*) FROM chat_messages WHERE session_id = ? AND client_msg_id = 'retry-me'", sessionId)).isEqualTo(1);
            assertThat(parley.database().count("SELECT COUNT(*) FROM chat_messages WHERE session_id = ?", sessionId)).isEqualTo(2);
        }
    }

    @Test
    void twoTabsWritingIntoOneSessionAtOnceGetSeqsWithoutGapsOrDuplicates() throws InterruptedException {
        int perTab = 15;
        String sessionId;
        String token;
        try (ChatClient tabA = connect(); ChatClient tabB = connect()) {
            JsonNode started = tabA.startSession(Map.of());
            sessionId = started.path("sessionId").asText();
            token = started.path("sessionToken").asText();
            tabB.resume(sessionId, token, 0);

            CompletableFuture<List<Long>> a = CompletableFuture.supplyAsync(() -> write(tabA, "a", perTab));
            CompletableFuture<List<Long>> b = CompletableFuture.supplyAsync(() -> write(tabB, "b", perTab));
            List<Long> userSeqs = new ArrayList<>(a.join());
            userSeqs.addAll(b.join());
            assertThat(userSeqs).doesNotHaveDuplicates().hasSize(2 * perTab);
        }
        // the assistant answers after the last message; what came while it answered it answers together, once
        for (int attempt = 0; attempt < 50 && lastSender(sessionId).equals("USER"); attempt++) {
            Thread.sleep(100);
        }
        List<Long> stored = parley.database().query("SELECT seq FROM chat_messages WHERE session_id = ? ORDER BY seq", sessionId)
                .stream().map(r -> (Long) r.get("seq")).toList();
        assertThat(stored).as("no gaps, no duplicates").containsExactlyElementsOf(LongStream.rangeClosed(1, stored.size()).boxed().toList());
        assertThat(parley.database().count("SELECT COUNT(*) FROM chat_messages WHERE session_id = ? AND sender = 'USER'", sessionId))
                .isEqualTo(2L * perTab);
        assertThat(stored.size() - 2L * perTab).as("the assistant's answers: at least one, at most one per message").isBetween(1L, 2L * perTab);
    }

    private String lastSender(String sessionId) {
        return (String) parley.database().query("SELECT sender FROM chat_messages WHERE session_id = ? ORDER BY seq DESC LIMIT 1", sessionId)
                .get(0).get("sender");
    }

    @Test
    void manyVisitorsWritingAtOnceHaveEachMessageStoredOnceInTheirOrderAndARefusalStaysWithItsSender() {
        int perVisitor = 12;
        List<ChatClient> visitors = new ArrayList<>();
        try {
            Map<ChatClient, String> sessions = new LinkedHashMap<>();
            for (int v = 0; v < 20; v++) {
                ChatClient visitor = connect();
                visitors.add(visitor);
                sessions.put(visitor, visitor.startSession(Map.of()).path("sessionId").asText());
                visitor.request("request_agent", Map.of()); // the assistant stays quiet: only the visitors write
            }
            // two tabs of one session sending the same messages (a resend after a reconnect, racing the first send)
            ChatClient tabA = connect();
            ChatClient tabB = connect();
            visitors.addAll(List.of(tabA, tabB));
            JsonNode shared = tabA.startSession(Map.of());
            tabA.request("request_agent", Map.of());
            tabB.resume(shared.path("sessionId").asText(), shared.path("sessionToken").asText(), 0);
            // and a visitor whose session has ended
            ChatClient leaver = connect();
            visitors.add(leaver);
            String leftSession = leaver.startSession(Map.of()).path("sessionId").asText();
            leaver.request("end_session", Map.of());

            // every socket sends all its messages without waiting for answers, the sockets taking turns
            Map<ChatClient, List<String>> refs = new LinkedHashMap<>();
            for (int i = 0; i < perVisitor; i++) {
                for (ChatClient visitor : visitors) {
                    String ref = ChatClient.ref();
                    String text = visitor == tabA || visitor == tabB ? "shared " + i : "message " + i;
                    String clientMsgId = visitor == tabA || visitor == tabB ? "shared-" + i : "m-" + i;
                    visitor.send("user_message", Map.of("text", text, "clientMsgId", clientMsgId), ref);
                    refs.computeIfAbsent(visitor, key -> new ArrayList<>()).add(ref);
                }
            }

            for (Map.Entry<ChatClient, String> visitor : sessions.entrySet()) {
                List<JsonNode> acks = answers(visitor.getKey(), refs.get(visitor.getKey()));
                assertThat(acks).allMatch(answer -> answer.path("type").asText().equals("ack"));
                assertThat(acks.stream().map(ack -> ack.path("data").path("message").path("text").asText()))
                        .containsExactlyElementsOf(LongStream.range(0, perVisitor).mapToObj(i -> "message " + i).toList());
                List<Long> seqs = acks.stream().map(ack -> ack.path("data").path("message").path("seq").asLong()).toList();
                assertThat(seqs).isSorted().doesNotHaveDuplicates();
                assertThat(parley.database().query(
                        "SELECT body FROM chat_messages WHERE session_id = ? AND sender = 'USER' ORDER BY seq", visitor.getValue())
                        .stream().map(row -> row.get("body")).toList())
                        .containsExactlyElementsOf(LongStream.range(0, perVisitor).mapToObj(i -> "message " + i).toList());
                List<Long> stored = parley.database().query("SELECT seq FROM chat_messages WHERE session_id = ? ORDER BY seq", visitor.getValue())
                        .stream().map(row -> (Long) row.get("seq")).toList();
                assertThat(stored).as("seqs without gaps").containsExactlyElementsOf(LongStream.rangeClosed(1, stored.size()).boxed().toList());
            }

            List<JsonNode> fromA = answers(tabA, refs.get(tabA));
            List<JsonNode> fromB = answers(tabB, refs.get(tabB));
            for (int i = 0; i < perVisitor; i++) {
                assertThat(fromB.get(i).path("data").path("message").path("id").asText()).as("the same message for both tabs")
                        .isEqualTo(fromA.get(i).path("data").path("message").path("id").asText()).isNotEmpty();
            }
            assertThat(parley.database().count("SELECT COUNT(*) FROM chat_messages WHERE session_id = ? AND sender = 'USER'",
                    shared.path("sessionId").asText())).isEqualTo(perVisitor);

            assertThat(answers(leaver, refs.get(leaver))).allMatch(answer -> answer.path("type").asText().equals("error")
                    && answer.path("data").path("code").asText().equals("session_closed"));
            assertThat(parley.database().count("SELECT COUNT(*) FROM chat_messages WHERE session_id = ? AND sender = 'USER'", leftSession))
                    .isZero();
        } finally {
            visitors.forEach(ChatClient::close);
        }
    }

    /** The frames that answer the given refs (acks or errors), in the order of the refs; events in between are passed over. */
    private static List<JsonNode> answers(ChatClient client, List<String> refs) {
        Map<String, JsonNode> byRef = new HashMap<>();
        while (byRef.size() < refs.size()) {
            JsonNode frame = client.next();
            if (refs.contains(frame.path("ref").asText())) {
                byRef.put(frame.path("ref").asText(), frame);
            }
        }
        return refs.stream().map(byRef::get).toList();
    }

    private static List<Long> write(ChatClient tab, String name, int count) {
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // both tabs follow the session, so the assistant's answers to either tab arrive between the acks
            seqs.add(tab.request("user_message", Map.of("text", "message " + i + " from tab " + name, "clientMsgId", name + "-" + i))
                    .path("message").path("seq").asLong());
        }
        return seqs;
    }
}
