package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.Api.Reply;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.OnTheSharedParley;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The offline form: any visitor leaves a message, from any site that may embed the widget, optionally from the
 * conversation whose token they hold; everyone at the desk is told (live, unless they turned that off); agents and
 * admins list the tickets, newest first. A bad form is refused and stores nothing.
 */
class TicketsIT extends OnTheSharedParley {

    @Test
    void aVisitorLeavesAMessageFromAnySiteAndEveryoneAtTheDeskIsToldAsTheyWish() throws Exception {
        String[] ada = parley.newAgent("ada");
        String[] bob = parley.newAgent("bob");
        api.call("PATCH", "/api/me/prefs", bob[1], Map.of("desktopNotifications", false));
        try (ChatClient adaSocket = parley.agentSocket(ada[1]); ChatClient bobSocket = parley.agentSocket(bob[1]);
             ChatClient adminSocket = parley.agentSocket(admin)) {
            HttpResponse<byte[]> sent = api.raw("POST", "/api/tickets", Map.of("Origin", "https://any-shop.example",
                    "Content-Type", "application/json"), json(Map.of("name", "  Offline Olga ", "email", " Olga@Example.COM ",
                    "message", "Please call me back about order 4711.")));
            assertThat(sent.statusCode()).as(new String(sent.body(), StandardCharsets.UTF_8)).isEqualTo(201);
            assertThat(sent.headers().firstValue("Access-Control-Allow-Origin")).as("the widget's sites may post it").hasValue("*");
            JsonNode ticket = ChatClient.JSON.readTree(sent.body());
            String id = ticket.path("id").asText();
            assertThat(id).matches("[0-9a-f-]{36}");
            assertThat(ticket.path("status").asText()).isEqualTo("open");
            assertThat(Instant.parse(ticket.path("createdAt").asText())).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));

            for (ChatClient socket : List.of(adaSocket, adminSocket)) {
                JsonNode told = socket.until("new_notification", data -> data.path("notification").path("kind").asText().equals("ticket"))
                        .path("notification");
                assertThat(told.path("text").asText()).isEqualTo("Offline message from Offline Olga");
                assertThat(told.path("read").asBoolean()).isFalse();
            }
            assertThat(bobSocket.until("new_notification", data -> data.path("notification").path("kind").asText().equals("ticket")))
                    .as("bob turned browser notifications off: his console still hears of it, and shows it in the bell only").isNotNull();
            assertThat(api.get("/api/notifications?size=200", bob[1]).body().path("items")).as("and it waits in his list")
                    .anySatisfy(n -> assertThat(n.path("text").asText()).isEqualTo("Offline message from Offline Olga"));

            Map<String, Object> row = parley.database().query("SELECT * FROM tickets WHERE id = ?", id).get(0);
            assertThat(row).containsEntry("name", "Offline Olga").containsEntry("email", "olga@example.com")
                    .containsEntry("body", "Please call me back about order 4711.").containsEntry("status", "OPEN")
                    .containsEntry("session_id", null);

            JsonNode listed = find(api.get("/api/tickets?size=200", ada[1]).body(), id);
            assertThat(listed.path("name").asText()).isEqualTo("Offline Olga");
            assertThat(listed.path("email").asText()).isEqualTo("olga@example.com");
            assertThat(listed.path("message").asText()).isEqualTo("Please call me back about order 4711.");
            assertThat(listed.path("status").asText()).isEqualTo("open");
            assertThat(listed.has("sessionId") && listed.path("sessionId").isNull()).as("no conversation: null").isTrue();
            assertThat(Duration.between(Instant.parse(listed.path("createdAt").asText()), Instant.parse(ticket.path("createdAt").asText())).abs())
                    .as("the same time (whole seconds on MariaDB)").isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void aConversationShowsTheVisitorsEarlierConversationsAndTicketsThatTheReaderMaySee() {
        String email = "returning-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String[] ada = parley.newAgent("ada");
        String[] bob = parley.newAgent("bob");
        try (ChatClient first = ChatClient.connect(parley.server().ws("/ws/chat"));
             ChatClient second = ChatClient.connect(parley.server().ws("/ws/chat"));
             ChatClient third = ChatClient.connect(parley.server().ws("/ws/chat"))) {
            String adasOld = first.startSession(Map.of("name", "Rita", "email", email)).path("sessionId").asText();
            api.call("PUT", "/api/admin/sessions/" + adasOld + "/assign", admin, Map.of("agentId", ada[0]));
            String unassignedOld = second.startSession(Map.of("name", "Rita", "email", email.toUpperCase(Locale.ROOT))).path("sessionId").asText();
            JsonNode now = third.startSession(Map.of("name", "Rita", "email", email));
            String current = now.path("sessionId").asText();
            assertThat(api.post("/api/tickets", null, Map.of("name", "Rita", "email", email, "message", "Still waiting for my refund.",
                    "sessionId", current, "sessionToken", now.path("sessionToken").asText())).status()).isEqualTo(201);

            JsonNode forAdmin = api.get("/api/admin/sessions/" + current + "/history", admin).body();
            assertThat(forAdmin.path("earlier")).extracting(session -> session.path("id").asText())
                    .as("her other conversations, whatever the case of the address").containsExactlyInAnyOrder(unassignedOld, adasOld);
            assertThat(forAdmin.path("tickets")).singleElement()
                    .satisfies(ticket -> assertThat(ticket.path("message").asText()).isEqualTo("Still waiting for my refund."));
            assertThat(api.get("/api/admin/sessions/" + current + "/history", bob[1]).body().path("earlier"))
                    .extracting(session -> session.path("id").asText()).as("Bob may not see Ada's conversation").containsExactly(unassignedOld);
            assertThat(api.get("/api/admin/sessions/" + adasOld + "/history", bob[1]).status()).as("nor its history").isEqualTo(404);
        }
    }

    @Test
    void aTicketLeftFromAConversationIsLinkedToItOnlyWithItsToken() {
        try (ChatClient visitor = ChatClient.connect(parley.server().ws("/ws/chat"))) {
            JsonNode started = visitor.startSession(Map.of("name", "Linked Lea"));
            String sessionId = started.path("sessionId").asText();
            String token = started.path("sessionToken").asText();
            String name = "Linked " + UUID.randomUUID();

            assertThat(submit(form(name, Map.of("sessionId", sessionId, "sessionToken", "not-the-token"))).status())
                    .as("a wrong token").isEqualTo(404);
            assertThat(submit(form(name, Map.of("sessionId", UUID.randomUUID().toString(), "sessionToken", token))).status())
                    .as("an unknown session").isEqualTo(404);
            assertThat(submit(form(name, Map.of("sessionId", sessionId))).status()).as("an id without its token").isEqualTo(400);
            assertThat(submit(form(name, Map.of("sessionToken", token))).status()).as("a token without its id").isEqualTo(400);
            assertThat(parley.database().count("SELECT COUNT(*) FROM tickets WHERE name = ?", name)).isZero();

            visitor.request("end_session", Map.of());
            Reply linked = submit(form(name, Map.of("sessionId", sessionId, "sessionToken", token)));
            assertThat(linked.status()).as("after the conversation ended too").isEqualTo(201);
            assertThat(find(api.get("/api/tickets?size=200", admin).body(), linked.body().path("id").asText()).path("sessionId").asText())
                    .isEqualTo(sessionId);
            assertThat(submit(form(name, Map.of("sessionId", "", "sessionToken", ""))).status()).as("empty is none").isEqualTo(201);
        }
    }

    @Test
    void aBadFormIsRefusedAndStoresAndTellsNothing() {
        long tickets = parley.database().count("SELECT COUNT(*) FROM tickets");
        long notifications = parley.database().count("SELECT COUNT(*) FROM notifications");
        for (Object bad : List.<Object>of(
                Map.of("name", "", "email", "a@example.com", "message", "hi"),
                Map.of("name", "   ", "email", "a@example.com", "message", "hi"),
                Map.of("name", "n".repeat(201), "email", "a@example.com", "message", "hi"),
                Map.of("name", "Nina", "email", "not an address", "message", "hi"),
                Map.of("name", "Nina", "email", "nina@localhost", "message", "hi"),
                Map.of("name", "Nina", "email", "n".repeat(310) + "@example.com", "message", "hi"),
                Map.of("name", "Nina", "message", "hi"),
                Map.of("name", "Nina", "email", "a@example.com", "message", ""),
                Map.of("name", "Nina", "email", "a@example.com", "message", "m".repeat(4001)),
                Map.of(),
                "not json")) {
            Reply refused = api.post("/api/tickets", null, bad);
            assertThat(refused.status()).as("%s", bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(parley.database().count("SELECT COUNT(*) FROM tickets")).isEqualTo(tickets);
        assertThat(parley.database().count("SELECT COUNT(*) FROM notifications")).isEqualTo(notifications);

        assertThat(api.post("/api/tickets", null, Map.of("name", "n".repeat(200), "email", "nina@example.com", "message", "m".repeat(4000))).status())
                .as("at the limits").isEqualTo(201);
    }

    @Test
    void agentsListTicketsNewestFirstPagedAndByStatus() {
        String[] cy = parley.newAgent("cy");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 3; i++) {
            RoutingIT.pause(); // "newer" must be a second later on MariaDB, than each other and than other tests' tickets
            assertThat(submit(form("Paged " + marker + " " + i, Map.of())).status()).isEqualTo(201);
        }
        JsonNode first = api.get("/api/tickets?page=0&size=2", cy[1]).body();
        assertThat(first.path("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("items")).extracting(t -> t.path("name").asText()).containsExactly("Paged " + marker + " 3", "Paged " + marker + " 2");
        assertThat(api.get("/api/tickets?page=1&size=2", cy[1]).body().path("items").get(0).path("name").asText())
                .isEqualTo("Paged " + marker + " 1");

        assertThat(api.get("/api/tickets?status=open&size=1", admin).body().path("items").get(0).path("name").asText())
                .isEqualTo("Paged " + marker + " 3");
        assertThat(api.get("/api/tickets?status=closed", cy[1]).body().path("total").asLong()).isZero();
        assertThat(api.get("/api/tickets?status=lost", cy[1]).status()).isEqualTo(400);
        assertThat(api.get("/api/tickets?size=0", cy[1]).status()).isEqualTo(400);
        assertThat(api.get("/api/tickets", null).status()).as("anonymous").isEqualTo(401);
    }

    private static Map<String, Object> form(String name, Map<String, String> session) {
        Map<String, Object> form = new HashMap<>(Map.of("name", name, "email", "visitor@example.com", "message", "Call me back, please."));
        form.putAll(session);
        return form;
    }

    private static Reply submit(Map<String, Object> form) {
        return api.post("/api/tickets", null, form);
    }

    private static JsonNode find(JsonNode page, String id) {
        for (JsonNode item : page.path("items")) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("No ticket " + id + " in " + page);
    }

    private static byte[] json(Object body) {
        try {
            return ChatClient.JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
