package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.Images;
import io.parley.systemtest.support.OwnParley;
import io.parley.systemtest.support.PayaraMicro;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What one anonymous client may do, tried as an attacker would, on real sockets and HTTP, on a server of its own with
 * small limits (docs/security.md, "Abuse limits"). Each test comes from an address of its own, through a proxy Parley
 * trusts ({@code X-Forwarded-For}), so that the limits of one address are its own: going over is answered with
 * {@code rate_limited} and the seconds to wait (429 with {@code Retry-After} over HTTP), the socket stays open, nothing
 * refused is stored, nothing within the limits is refused, and another address is not affected.
 */
class AbuseLimitsIT {

    static final int MESSAGES_PER_SESSION = 5;
    static final int MESSAGES_PER_ADDRESS = 8;
    static final int SESSIONS_PER_ADDRESS = 3;
    static final int REQUESTS_PER_SESSION = 2;
    static final int IMAGES_PER_SESSION = 3;
    static final int IMAGE_BYTES_PER_SESSION = 60_000;
    static final int TICKETS_PER_ADDRESS = 2;
    static final int REFUSALS_PER_ADDRESS = 10;

    static OwnParley parley;
    static PayaraMicro server;
    static Api api;
    static String admin;

    @BeforeAll
    static void start() {
        Map<String, String> environment = new HashMap<>();
        environment.put("TRUSTED_PROXIES", "127.0.0.1");
        environment.put("PARLEY_LIMITS_SESSION_MESSAGES", MESSAGES_PER_SESSION + "/1m");
        environment.put("PARLEY_LIMITS_ADDRESS_MESSAGES", MESSAGES_PER_ADDRESS + "/1m");
        environment.put("PARLEY_LIMITS_ADDRESS_SESSIONS", SESSIONS_PER_ADDRESS + "/1m");
        environment.put("PARLEY_LIMITS_SESSION_AGENT_REQUESTS", REQUESTS_PER_SESSION + "/1m");
        environment.put("PARLEY_LIMITS_ADDRESS_AGENT_REQUESTS", "20/1m");
        environment.put("PARLEY_CHAT_MAX_ATTACHMENT_BYTES", "40000");
        environment.put("PARLEY_LIMITS_SESSION_ATTACHMENTS", IMAGES_PER_SESSION + "/1m");
        environment.put("PARLEY_LIMITS_SESSION_ATTACHMENT_BYTES", IMAGE_BYTES_PER_SESSION + "/1m");
        environment.put("PARLEY_LIMITS_ADDRESS_ATTACHMENTS", "30/1m");
        environment.put("PARLEY_LIMITS_ADDRESS_ATTACHMENT_BYTES", "1000000/1m");
        environment.put("PARLEY_LIMITS_ADDRESS_TICKETS", TICKETS_PER_ADDRESS + "/1m");
        environment.put("PARLEY_LIMITS_ADDRESS_REFUSALS", REFUSALS_PER_ADDRESS + "/1m");
        parley = OwnParley.start("abuse-limits", environment);
        server = parley.server();
        api = parley.api();
        admin = parley.adminToken();
    }

    @AfterAll
    static void stop() {
        parley.close();
    }

    @Test
    void aScriptSendingMessagesIsHeldToTheSessionsRateWhileEverythingWithinItIsStoredAndTheSocketStaysOpen() {
        String address = newAddress();
        try (ChatClient script = visitorFrom(address)) {
            String session = script.startSession(Map.of("name", "Script")).path("sessionId").asText();
            List<String> refused = new ArrayList<>();
            List<String> stored = new ArrayList<>();
            for (int i = 0; i < MESSAGES_PER_SESSION + 3; i++) {
                String clientMsgId = "flood-" + i;
                JsonNode answer = script.answer("user_message", Map.of("text", "message " + i, "clientMsgId", clientMsgId));
                if (answer.path("type").asText().equals("ack")) {
                    stored.add("message " + i);
                } else {
                    assertThat(answer.path("data").path("code").asText()).as("%s", answer).isEqualTo("rate_limited");
                    assertThat(answer.path("data").path("retryAfterSeconds").asLong()).as("the seconds to wait").isBetween(1L, 60L);
                    refused.add(clientMsgId);
                }
            }
            assertThat(stored).as("everything within the limit").hasSize(MESSAGES_PER_SESSION);
            assertThat(refused).as("what went over").hasSize(3);
            assertThat(script.isOpen()).as("never a closed socket for going over").isTrue();
            assertThat(visitorTexts(session)).as("stored once each, and nothing that was refused").containsExactlyElementsOf(stored);

            try (ChatClient neighbour = visitorFrom(newAddress())) {
                neighbour.startSession(Map.of("name", "Neighbour"));
                assertThat(neighbour.say("I am somebody else").path("text").asText()).as("another visitor is not limited").isEqualTo("I am somebody else");
            }
        }
    }

    @Test
    void aScriptThatGoesOnAfterBeingToldIsClosedAndItsAddressShutOutForAWhile() {
        String address = newAddress();
        try (ChatClient script = visitorFrom(address)) {
            script.startSession(Map.of("name", "Deaf script"));
            for (int i = 0; i < MESSAGES_PER_SESSION + REFUSALS_PER_ADDRESS + 5; i++) {
                script.send("user_message", Map.of("text", "again " + i, "clientMsgId", "deaf-" + i), "r" + i);
            }
            ChatClient.Closure closure = script.awaitClose(Duration.ofSeconds(10));
            assertThat(closure.code()).as("policy violation").isEqualTo(1008);
            assertThat(closure.reason()).contains("too many requests");
            assertThatThrownBy(() -> visitorFrom(address)).as("the address may not open another socket for now").isNotNull();
            try (ChatClient neighbour = visitorFrom(newAddress())) {
                assertThat(neighbour.startSession(Map.of("name", "Elsewhere")).path("sessionId").asText()).isNotBlank();
            }
        }
    }

    @Test
    void aScriptSendingFramesThatAreRefusedForAnyReasonIsClosedToo() {
        String address = newAddress();
        try (ChatClient script = visitorFrom(address)) {
            for (int i = 0; i < REFUSALS_PER_ADDRESS + 5; i++) {
                script.send("user_message", Map.of("text", "no session " + i, "clientMsgId", "lost-" + i), "n" + i);
            }
            ChatClient.Closure closure = script.awaitClose(Duration.ofSeconds(10));
            assertThat(closure.code()).as("messages into no session, again and again").isEqualTo(1008);
            assertThatThrownBy(() -> visitorFrom(address)).as("the address may not open another socket for now").isNotNull();
        }
    }

    @Test
    void anAddressShutOutIsTurnedAwayOverHttpBeforeItsRequestIsRead() {
        String address = newAddress();
        for (int i = 0; i < REFUSALS_PER_ADDRESS; i++) {
            HttpResponse<byte[]> bad = api.raw("POST", "/api/tickets", Map.of("Content-Type", "application/json", "X-Forwarded-For", address),
                    "{\"name\":\"\",\"message\":\"\"}".getBytes());
            assertThat(bad.statusCode()).as("a ticket without name, e-mail or message").isEqualTo(400);
        }
        HttpResponse<byte[]> good = ticket(address, "Now a proper one");
        assertThat(good.statusCode()).as("a good ticket, from an address that would not stop").isEqualTo(429);
        assertThat(Long.parseLong(good.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(new String(good.body())).contains("wait before trying again");
        HttpResponse<byte[]> image = upload(Map.of("Content-Type", "image/png", "X-Forwarded-For", address), new byte[20_000]);
        assertThat(image.statusCode()).as("an image without a session is not even looked at").isEqualTo(429);
        assertThat(ticket(newAddress(), "Someone else").statusCode()).as("another address").isEqualTo(201);
    }

    @Test
    void everyoneBehindOneAddressTogetherIsHeldToTheAddresssRate() {
        String address = newAddress();
        try (ChatClient first = visitorFrom(address); ChatClient second = visitorFrom(address)) {
            first.startSession(Map.of("name", "First of the office"));
            second.startSession(Map.of("name", "Second of the office"));
            int accepted = 0;
            int limited = 0;
            for (int i = 0; i < MESSAGES_PER_SESSION; i++) {
                for (ChatClient visitor : List.of(first, second)) {
                    JsonNode answer = visitor.answer("user_message", Map.of("text", "office " + i, "clientMsgId", UUID.randomUUID().toString()));
                    if (answer.path("type").asText().equals("ack")) {
                        accepted++;
                    } else if (answer.path("data").path("code").asText().equals("rate_limited")) {
                        limited++;
                    }
                }
            }
            assertThat(accepted).as("the address's allowance, shared").isEqualTo(MESSAGES_PER_ADDRESS);
            assertThat(limited).isEqualTo(2 * MESSAGES_PER_SESSION - MESSAGES_PER_ADDRESS);
        }
    }

    @Test
    void startingSessionsWithoutEndIsRefusedForThatAddressOnly() {
        String address = newAddress();
        List<ChatClient> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < SESSIONS_PER_ADDRESS; i++) {
                ChatClient visitor = visitorFrom(address);
                sockets.add(visitor);
                visitor.startSession(Map.of("name", "Starter " + i));
            }
            ChatClient oneMore = visitorFrom(address);
            sockets.add(oneMore);
            JsonNode refused = oneMore.answer("start_session", Map.of("userMeta", Map.of("name", "One too many")));
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("data").path("code").asText()).isEqualTo("rate_limited");
            assertThat(refused.path("data").path("retryAfterSeconds").asLong()).isPositive();
            assertThat(oneMore.isOpen()).isTrue();

            ChatClient elsewhere = visitorFrom(newAddress());
            sockets.add(elsewhere);
            assertThat(elsewhere.startSession(Map.of("name", "Elsewhere")).path("sessionId").asText()).isNotBlank();
        } finally {
            sockets.forEach(ChatClient::close);
        }
    }

    @Test
    void aVisitorMustWriteBeforeAskingForAPersonAndMayAskOnlySoOften() {
        try (ChatClient visitor = visitorFrom(newAddress())) {
            String session = visitor.startSession(Map.of("name", "Asker")).path("sessionId").asText();
            JsonNode empty = visitor.answer("request_agent", Map.of());
            assertThat(empty.path("data").path("code").asText()).as("%s", empty).isEqualTo("write_first");
            assertThat(sessionStatus(session)).as("nothing in it: not queued for anybody").isEqualTo("active");

            visitor.say("Where is my parcel?");
            assertThat(visitor.request("request_agent", Map.of()).path("status").asText()).isEqualTo("waiting_agent");
            JsonNode limited = visitor.answer("request_agent", Map.of());
            assertThat(limited.path("data").path("code").asText()).as("the third request within the window: %s", limited).isEqualTo("rate_limited");
            assertThat(sessionStatus(session)).isEqualTo("waiting_agent");
            visitor.request("end_session", Map.of());
        }
    }

    @Test
    void imagesAreHeldToACountAndToBytesPerSessionOverHttp() {
        String address = newAddress();
        try (ChatClient visitor = visitorFrom(address)) {
            JsonNode started = visitor.startSession(Map.of("name", "Uploader"));
            Map<String, String> proof = Map.of("X-Parley-Session", started.path("sessionId").asText(),
                    "X-Parley-Session-Token", started.path("sessionToken").asText(), "Content-Type", "image/png", "X-Forwarded-For", address);
            byte[] image = Arrays.copyOf(Images.PNG, 25_000);
            assertThat(upload(proof, image).statusCode()).isEqualTo(201);
            assertThat(upload(proof, image).statusCode()).isEqualTo(201);
            HttpResponse<byte[]> tooMuch = upload(proof, image);
            assertThat(tooMuch.statusCode()).as("75,000 bytes within a minute, over the session's 60,000").isEqualTo(429);
            assertThat(tooMuch.headers().firstValue("Retry-After")).isPresent();
            assertThat(new String(tooMuch.body())).contains("too much in images");

            byte[] small = Images.PNG;
            assertThat(upload(proof, small).statusCode()).as("a small one still fits, and is the third").isEqualTo(201);
            HttpResponse<byte[]> fourth = upload(proof, small);
            assertThat(fourth.statusCode()).as("the fourth image within a minute").isEqualTo(429);
            assertThat(new String(fourth.body())).contains("images too quickly");
        }
    }

    @Test
    void ticketsFromOneAddressAreLimitedAndTheDeskIsToldOfThemInOneNotification() {
        String[] ada = parley.newAgent("ada");
        String address = newAddress();
        for (int i = 0; i < TICKETS_PER_ADDRESS; i++) {
            assertThat(ticket(address, "Flooder " + i).statusCode()).isEqualTo(201);
        }
        HttpResponse<byte[]> refused = ticket(address, "Flooder again");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(ticket(newAddress(), "Someone else").statusCode()).as("another address").isEqualTo(201);

        JsonNode bell = api.get("/api/notifications", ada[1]).body().path("items");
        List<JsonNode> tickets = new ArrayList<>();
        bell.forEach(notification -> {
            if (notification.path("kind").asText().equals("ticket")) {
                tickets.add(notification);
            }
        });
        assertThat(tickets).as("three tickets, one line in the bell: %s", bell).hasSize(1);
        assertThat(tickets.get(0).path("count").asInt()).isEqualTo(TICKETS_PER_ADDRESS + 1);
        assertThat(tickets.get(0).path("text").asText()).as("it tells of the latest").contains("Someone else");

        assertThat(api.call("PATCH", "/api/notifications/" + tickets.get(0).path("id").asText() + "/read", ada[1], null).status()).isEqualTo(200);
        assertThat(ticket(newAddress(), "After reading").statusCode()).isEqualTo(201);
        JsonNode after = api.get("/api/notifications", ada[1]).body();
        assertThat(after.path("total").asLong()).as("once read, the next one is a line of its own: %s", after).isEqualTo(2);
        after.path("items").forEach(notification -> {
            if (notification.path("text").asText().contains("After reading")) {
                assertThat(notification.path("count").asInt()).isEqualTo(1);
                assertThat(notification.path("read").asBoolean()).isFalse();
            } else {
                assertThat(notification.path("count").asInt()).as("the read one is left as it was").isEqualTo(TICKETS_PER_ADDRESS + 1);
            }
        });
    }

    @Test
    void aVisitorEndingTheConversationLeavesItWithItsAgentAndHiddenFromOtherAgents() {
        String[] ada = parley.newAgent("ada");
        String[] bob = parley.newAgent("bob");
        try (ChatClient visitor = visitorFrom(newAddress())) {
            String session = visitor.startSession(Map.of("name", "Private Pat")).path("sessionId").asText();
            visitor.say("This is between Ada and me");
            assertThat(api.call("PUT", "/api/admin/sessions/" + session + "/assign", admin, Map.of("agentId", ada[0])).status()).isEqualTo(200);
            visitor.request("end_session", Map.of());

            JsonNode ended = api.get("/api/admin/sessions/" + session, ada[1]).body();
            assertThat(ended.path("status").asText()).isEqualTo("closed");
            assertThat(ended.path("assignedAgentId").asText()).as("still Ada's").isEqualTo(ada[0]);
            assertThat(api.get("/api/admin/sessions/" + session, bob[1]).status()).as("Bob may not read it").isEqualTo(404);
            assertThat(api.get("/api/admin/sessions/" + session + "/messages?afterSeq=0", bob[1]).status()).isEqualTo(404);
        }
    }

    private static ChatClient visitorFrom(String address) {
        return ChatClient.connect(server.ws("/ws/chat"), Map.of("X-Forwarded-For", address));
    }

    private static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }

    private static HttpResponse<byte[]> upload(Map<String, String> headers, byte[] image) {
        return api.raw("POST", "/api/chat/attachments", headers, image);
    }

    private static HttpResponse<byte[]> ticket(String address, String name) {
        String body = "{\"name\":\"" + name + "\",\"email\":\"visitor@example.com\",\"message\":\"Please call me back.\"}";
        return api.raw("POST", "/api/tickets", Map.of("Content-Type", "application/json", "X-Forwarded-For", address), body.getBytes());
    }

    private static String sessionStatus(String session) {
        return api.get("/api/admin/sessions/" + session, admin).body().path("status").asText();
    }

    private static List<String> visitorTexts(String session) {
        List<String> texts = new ArrayList<>();
        api.get("/api/admin/sessions/" + session + "/messages?afterSeq=0", admin).body().forEach(message -> {
            if (message.path("sender").asText().equals("user")) {
                texts.add(message.path("text").asText());
            }
        });
        return texts;
    }
}
