package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.OnTheSharedParley;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Everyone receives only what they may see, for as long as they may see it. An admin's feed carries every session; an
 * agent's feed only the unassigned sessions and their own. When a session goes to someone else, an agent who could see
 * it is told {@code session_hidden {sessionId}} (nothing else of it) and receives nothing more of it, whether they saw
 * it on the feed or were watching it ({@code join_session}).
 * <p>
 * "Nothing more" is proved with a marker: after the hidden session's events, an event the agent may see (a visitor of
 * an unassigned session writes); none of the hidden session's events may come before it.
 */
class FeedVisibilityIT extends OnTheSharedParley {

    @Test
    void anAgentsFeedCarriesUnassignedSessionsAndTheirOwnWhileAnAdminsCarriesEverySession() {
        String[] ada = parley.newAgent("ada");
        String[] bob = parley.newAgent("bob");
        String visitorName = "Hidden Hannah " + suffix();
        try (ChatClient adaFeed = feed(ada[1]); ChatClient bobFeed = feed(bob[1]); ChatClient adminFeed = feed(admin);
             ChatClient bobDesk = parley.agentSocket(bob[1]);
             ChatClient hannah = visitor(); ChatClient browsing = visitor(); ChatClient marker = visitor()) {
            String hidden = hannah.startSession(Map.of("name", visitorName)).path("sessionId").asText();

            assertThat(api.call("PUT", "/api/admin/sessions/" + hidden + "/assign", admin, Map.of("agentId", bob[0])).status())
                    .as("the admin gives Hannah's conversation to Bob").isEqualTo(200);
            List<JsonNode> beforeHidden = adaFeed.framesUntil("session_hidden", data -> data.path("sessionId").asText().equals(hidden));
            JsonNode hiddenFrame = beforeHidden.get(beforeHidden.size() - 1).path("data");
            assertThat(fieldNames(hiddenFrame)).as("Ada is told the session is hidden from her, and nothing else of it: %s", hiddenFrame)
                    .containsExactly("sessionId");
            assertThat(beforeHidden).as("Ada never gets the session_update that shows Bob's session: %s", beforeHidden)
                    .noneMatch(frame -> frame.toString().contains(bob[0]));
            assertThat(bobFeed.until("session_update", data -> isSession(data, hidden) && owner(data).equals(bob[0])))
                    .as("Bob's feed shows the conversation as his").isNotNull();
            assertThat(adminFeed.until("session_update", data -> isSession(data, hidden) && owner(data).equals(bob[0])))
                    .as("the admin's feed shows it as Bob's").isNotNull();

            // everything that happens in Bob's conversation from now on: a message, a note, the end
            write(hannah, "this is for Bob only");
            // Bob acts from a socket of his own: a request passes over the events that come before its ack
            bobDesk.request("join_session", Map.of("sessionId", hidden, "afterSeq", 0));
            bobDesk.request("internal_note", Map.of("sessionId", hidden, "text", "Bob's private note"));
            assertThat(api.get("/api/admin/sessions/" + hidden + "/notes", bob[1]).body()).as("the notes over REST, for the record")
                    .singleElement().satisfies(note -> assertThat(note.path("text").asText()).isEqualTo("Bob's private note"));
            assertThat(api.get("/api/admin/sessions/" + hidden + "/notes", admin).body()).hasSize(1);
            assertThat(api.get("/api/admin/sessions/" + hidden + "/notes", ada[1]).status()).as("not Ada's to read").isEqualTo(404);
            assertThat(api.call("PUT", "/api/admin/sessions/" + hidden + "/close", bob[1], null).status()).isEqualTo(200);
            for (ChatClient allowed : List.of(adminFeed, bobFeed)) {
                seesAll(allowed, allowed == bobFeed ? "Bob's feed" : "the admin's feed", Map.of(
                        "the visitor's message", frame -> is(frame, "new_message") && text(frame).equals("this is for Bob only"),
                        "Bob's note", frame -> is(frame, "internal_note") && frame.path("data").path("note").path("sessionId").asText().equals(hidden),
                        "the end", frame -> is(frame, "session_ended") && frame.path("data").path("sessionId").asText().equals(hidden)));
            }

            // a conversation Bob opens with a visitor on the site is his from its first message
            String visitorId = browsing.request("visitor_join", Map.of("page", "https://shop.example/feed-" + suffix(), "referrer", "https://search.example"))
                    .path("visitorId").asText();
            JsonNode opened = bobDesk.request("initiate_chat", Map.of("visitorId", visitorId, "text", "Bob here, can I help?"));
            String bobsOwn = opened.path("session").path("id").asText();
            JsonNode invitation = browsing.until("agent_initiated_chat", data -> true);
            browsing.resume(bobsOwn, invitation.path("sessionToken").asText(), 0);
            write(browsing, "yes, Bob");
            assertThat(adminFeed.until("new_message", data -> data.path("message").path("text").asText().equals("yes, Bob")))
                    .as("the admin sees the conversation Bob opened").isNotNull();

            String unassigned = marker.startSession(Map.of("name", "Marker Max")).path("sessionId").asText();
            write(marker, "marker for Ada");
            List<JsonNode> afterHidden = adaFeed.framesUntil("new_message", data -> isSession(data, unassigned)
                    && data.path("message").path("text").asText().equals("marker for Ada"));
            // a repeated session_hidden says no more than the first, so the feed may send one again; anything else is a leak
            assertThat(afterHidden.stream().filter(frame -> !frame.path("type").asText().equals("session_hidden")).toList())
                    .as("Ada's feed after Hannah's conversation went to Bob, up to a message of an unassigned conversation that "
                            + "came later: nothing of Bob's conversations, no name, no message, no note, no end")
                    .noneMatch(frame -> frame.toString().contains(hidden) || frame.toString().contains(bobsOwn)
                            || frame.toString().contains(visitorName) || frame.toString().contains("for Bob only")
                            || frame.toString().contains("private note") || frame.toString().contains("yes, Bob"));
            assertThat(afterHidden).as("a session_hidden carries the id alone")
                    .filteredOn(frame -> frame.path("type").asText().equals("session_hidden"))
                    .allSatisfy(frame -> assertThat(fieldNames(frame.path("data"))).containsExactly("sessionId"));
            assertThat(afterHidden.get(afterHidden.size() - 1).path("data").path("message").path("sessionId").asText())
                    .as("Ada's feed does carry the unassigned conversation").isEqualTo(unassigned);
            assertThat(adminFeed.until("new_message", data -> isSession(data, unassigned))).as("and so does the admin's").isNotNull();
        }
    }

    @Test
    void anAgentWatchingAConversationThatIsTransferredAwaySeesNothingMoreOfIt() {
        String[] ada = parley.newAgent("ada");
        String[] bob = parley.newAgent("bob");
        try (ChatClient adaSocket = parley.agentSocket(ada[1]); ChatClient bobSocket = parley.agentSocket(bob[1]);
             ChatClient adminFeed = feed(admin); ChatClient transferred = visitor(); ChatClient other = visitor()) {
            String moved = transferred.startSession(Map.of("name", "Moved Mo " + suffix())).path("sessionId").asText();
            String unassigned = other.startSession(Map.of("name", "Unassigned Una")).path("sessionId").asText();
            assertThat(api.call("PUT", "/api/admin/sessions/" + moved + "/assign", admin, Map.of("agentId", ada[0])).status()).isEqualTo(200);
            adaSocket.request("join_session", Map.of("sessionId", moved, "afterSeq", 0));
            adaSocket.request("join_session", Map.of("sessionId", unassigned, "afterSeq", 0));
            write(transferred, "first, for Ada");
            assertThat(adaSocket.until("new_message", data -> data.path("message").path("text").asText().equals("first, for Ada")))
                    .as("Ada watches her conversation").isNotNull();

            assertThat(api.call("PUT", "/api/admin/sessions/" + moved + "/assign", admin, Map.of("agentId", bob[0])).status())
                    .as("the admin transfers it to Bob").isEqualTo(200);
            List<JsonNode> beforeHidden = adaSocket.framesUntil("session_hidden", data -> data.path("sessionId").asText().equals(moved));
            assertThat(fieldNames(beforeHidden.get(beforeHidden.size() - 1).path("data"))).as("only the id of what Ada lost")
                    .containsExactly("sessionId");
            assertThat(beforeHidden).as("Ada is not shown the conversation as Bob's").noneMatch(frame -> frame.toString().contains(bob[0]));

            bobSocket.request("join_session", Map.of("sessionId", moved, "afterSeq", 0));
            write(transferred, "second, for Bob");
            assertThat(bobSocket.until("new_message", data -> data.path("message").path("text").asText().equals("second, for Bob")))
                    .as("the new owner sees the visitor's message").isNotNull();
            bobSocket.request("typing_start", Map.of("sessionId", moved));
            bobSocket.request("internal_note", Map.of("sessionId", moved, "text", "after the transfer"));
            seesAll(adminFeed, "the admin's feed", Map.of(
                    "the visitor's message", frame -> is(frame, "new_message") && text(frame).equals("second, for Bob"),
                    "Bob's note", frame -> is(frame, "internal_note") && frame.path("data").path("note").path("sessionId").asText().equals(moved)));

            write(other, "marker for Ada");
            List<JsonNode> afterHidden = adaSocket.framesUntil("new_message", data -> isSession(data, unassigned)
                    && data.path("message").path("text").asText().equals("marker for Ada"));
            assertThat(afterHidden).as("what Ada's socket got after the transfer, up to a message of the conversation she still "
                    + "watches that came later: nothing of the transferred one").noneMatch(frame -> frame.toString().contains(moved));

            adaSocket.send("agent_message", Map.of("sessionId", moved, "text", "still me?", "clientMsgId", "ada-late"), "late");
            assertThat(adaSocket.until("error", data -> true).path("code").asText()).as("nor can she write in it")
                    .isEqualTo("session_not_found");
        }
    }

    private static ChatClient feed(String token) {
        ChatClient socket = parley.agentSocket(token);
        socket.request("join_admin_feed", Map.of());
        return socket;
    }

    private static ChatClient visitor() {
        return ChatClient.connect(parley.server().ws("/ws/chat"));
    }

    /** Reads the socket until every expected frame has come, in whatever order; fails naming what did not come. */
    private static void seesAll(ChatClient socket, String who, Map<String, Predicate<JsonNode>> expected) {
        Set<String> missing = new TreeSet<>(expected.keySet());
        try {
            while (!missing.isEmpty()) {
                JsonNode frame = socket.next();
                missing.removeIf(what -> expected.get(what).test(frame));
            }
        } catch (AssertionError e) {
            throw new AssertionError(who + " never got " + missing, e);
        }
    }

    private static boolean is(JsonNode frame, String type) {
        return frame.path("type").asText().equals(type);
    }

    private static String text(JsonNode frame) {
        return frame.path("data").path("message").path("text").asText();
    }

    /** The visitor writes; events that come before the ack (a notice that an agent joined, say) are passed over. */
    private static void write(ChatClient visitor, String text) {
        visitor.request("user_message", Map.of("text", text, "clientMsgId", UUID.randomUUID().toString()));
    }

    private static boolean isSession(JsonNode data, String sessionId) {
        return sessionId.equals(data.path("session").path("id").asText(null))
                || sessionId.equals(data.path("message").path("sessionId").asText(null))
                || sessionId.equals(data.path("sessionId").asText(null));
    }

    private static String owner(JsonNode data) {
        return data.path("session").path("assignedAgentId").asText("");
    }

    private static List<String> fieldNames(JsonNode data) {
        List<String> names = new ArrayList<>();
        data.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
