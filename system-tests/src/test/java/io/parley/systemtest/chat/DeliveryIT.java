package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.ParleyOnMariaDb;
import io.parley.systemtest.support.ParleyOnMariaDb.RunningParley;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Delivery promises: ordered replay on resume, refused strangers, idempotent client message ids, no seq gaps. */
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
        // the assistant stores its answer to the last message just after that message's ack
        for (int attempt = 0; attempt < 50 && parley.database().count("SELECT COUNT(*) FROM chat_messages WHERE session_id = ?", sessionId) < 4L * perTab; attempt++) {
            Thread.sleep(100);
        }
        List<Long> stored = parley.database().query("SELECT seq FROM chat_messages WHERE session_id = ? ORDER BY seq", sessionId)
                .stream().map(r -> (Long) r.get("seq")).toList();
        assertThat(stored).containsExactlyElementsOf(LongStream.rangeClosed(1, 4L * perTab).boxed().toList());
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
