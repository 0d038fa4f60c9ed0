package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.ParleyOnMariaDb;
import io.parley.systemtest.support.ParleyOnMariaDb.RunningParley;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input gets an error frame and changes nothing: the connection, its session, the server and every other
 * session stay usable.
 */
@ExtendWith(ParleyOnMariaDb.class)
class BadInputIT {

    private static final String LONGEST_TEXT = "x".repeat(4000);
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

    static Stream<Arguments> badFrames() {
        return Stream.of(
                Arguments.of("not JSON", "hello there", "bad_json", null),
                Arguments.of("truncated JSON", "{\"type\":\"user_message\",\"data\":{", "bad_json", null),
                Arguments.of("not an object", "[1,2,3]", "invalid_frame", null),
                Arguments.of("no type", "{\"data\":{},\"ref\":\"r1\"}", "invalid_frame", "r1"),
                Arguments.of("type not a string", "{\"type\":7,\"ref\":\"r2\"}", "invalid_frame", "r2"),
                Arguments.of("ref too long", "{\"type\":\"user_message\",\"ref\":\"" + "r".repeat(65) + "\"}", "invalid_frame", null),
                Arguments.of("data not an object", "{\"type\":\"user_message\",\"data\":\"hi\",\"ref\":\"r3\"}", "invalid_frame", "r3"),
                Arguments.of("unknown type", "{\"type\":\"make_coffee\",\"data\":{},\"ref\":\"r4\"}", "unknown_type", "r4"),
                Arguments.of("missing text", "{\"type\":\"user_message\",\"data\":{\"clientMsgId\":\"m1\"},\"ref\":\"r5\"}", "invalid_frame", "r5"),
                Arguments.of("missing clientMsgId", "{\"type\":\"user_message\",\"data\":{\"text\":\"hi\"},\"ref\":\"r6\"}", "invalid_frame", "r6"),
                Arguments.of("blank text", "{\"type\":\"user_message\",\"data\":{\"text\":\"  \",\"clientMsgId\":\"m2\"},\"ref\":\"r7\"}", "invalid_frame", "r7"),
                Arguments.of("text as an object", "{\"type\":\"user_message\",\"data\":{\"text\":{},\"clientMsgId\":\"m3\"},\"ref\":\"r8\"}", "invalid_frame", "r8"),
                Arguments.of("text over the limit", frame("user_message", Map.of("text", LONGEST_TEXT + "y", "clientMsgId", "m4"), "r9"), "text_too_long", "r9"),
                Arguments.of("frame over 64 KiB", frame("user_message", Map.of("text", "z".repeat(70_000), "clientMsgId", "m5"), "r10"), "frame_too_large", null),
                Arguments.of("resume without afterSeq", frame("resume", Map.of("sessionId", "s", "sessionToken", "t"), "r11"), "invalid_frame", "r11"),
                Arguments.of("resume with a negative afterSeq", frame("resume", Map.of("sessionId", "s", "sessionToken", "t", "afterSeq", -1), "r12"), "invalid_frame", "r12"),
                Arguments.of("resume with afterSeq not a number", frame("resume", Map.of("sessionId", "s", "sessionToken", "t", "afterSeq", "ten"), "r13"), "invalid_frame", "r13"),
                Arguments.of("userMeta with a huge name", frame("start_session", Map.of("userMeta", Map.of("name", "n".repeat(201))), "r14"), "invalid_frame", "r14"),
                Arguments.of("userMeta with an email that is no e-mail address", frame("start_session", Map.of("userMeta", Map.of("email", "=cmd|'/c calc'!A1")), "r15"), "invalid_frame", "r15"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFrames")
    void aBadFrameGetsAnErrorAndTheConnectionAndOtherSessionsCarryOn(String what, String frame, String code, String ref) {
        try (ChatClient visitor = connect(); ChatClient bystander = connect()) {
            JsonNode started = visitor.startSession(Map.of());
            String sessionId = started.path("sessionId").asText();
            bystander.startSession(Map.of());
            long sessionsBefore = parley.database().count("SELECT COUNT(*) FROM chat_sessions");

            visitor.sendRaw(frame);
            JsonNode error = visitor.next("error");
            assertThat(error.path("data").path("code").asText()).isEqualTo(code);
            assertThat(error.path("data").path("message").asText()).isNotBlank().doesNotContain("Exception");
            if (ref == null) {
                assertThat(error.has("ref")).isFalse();
            } else {
                assertThat(error.path("ref").asText()).isEqualTo(ref);
            }

            assertThat(parley.database().count("SELECT COUNT(*) FROM chat_messages WHERE session_id = ?", sessionId)).isZero();
            assertThat(parley.database().count("SELECT COUNT(*) FROM chat_sessions")).isEqualTo(sessionsBefore);

            assertThat(visitor.say("hello").path("seq").asLong()).as("the same connection carries on").isEqualTo(1);
            assertThat(visitor.next("bot_message").path("data").path("message").path("seq").asLong()).isEqualTo(2);
            assertThat(bystander.say("hello").path("seq").asLong()).as("another session carries on").isEqualTo(1);
        }
    }

    @Test
    void aMessageOfExactlyTheLimitIsStored() {
        try (ChatClient visitor = connect()) {
            visitor.startSession(Map.of());
            assertThat(visitor.say(LONGEST_TEXT).path("text").asText()).hasSize(4000);
        }
    }

    @Test
    void aUserMessageBeforeAnySessionIsRefusedWithNoSession() {
        try (ChatClient visitor = connect()) {
            String early = "early-" + UUID.randomUUID();
            visitor.send("user_message", Map.of("text", "hello", "clientMsgId", early), "early");
            JsonNode error = visitor.next("error");
            assertThat(error.path("ref").asText()).isEqualTo("early");
            assertThat(error.path("data").path("code").asText()).isEqualTo("no_session");
            visitor.send("end_session", Map.of(), "end");
            assertThat(visitor.next("error").path("data").path("code").asText()).isEqualTo("no_session");
            // counted by its own id: other tests' sessions may get messages meanwhile (a countdown that runs out, say)
            assertThat(parley.database().count("SELECT COUNT(*) FROM chat_messages WHERE client_msg_id = '" + early + "'")).isZero();

            visitor.startSession(Map.of());
            assertThat(visitor.say("hello").path("seq").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aFrameTooBigToReadClosesOnlyThatConnection() throws InterruptedException {
        try (ChatClient flooder = connect(); ChatClient bystander = connect()) {
            bystander.startSession(Map.of());
            flooder.sendRaw("{\"type\":\"user_message\",\"data\":{\"text\":\"" + "f".repeat(1_100_000) + "\"}}");
            long deadline = System.currentTimeMillis() + 10_000;
            while (flooder.isOpen() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(flooder.isOpen()).as("a frame over 1 MiB closes its connection").isFalse();
            assertThat(bystander.say("hello").path("seq").asLong()).isEqualTo(1);
        }
    }

    private static String frame(String type, Object data, String ref) {
        return ChatClient.JSON.createObjectNode().put("type", type).put("ref", ref)
                .set("data", ChatClient.JSON.valueToTree(data)).toString();
    }
}
