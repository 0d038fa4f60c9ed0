package io.parley.systemtest.widget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import io.parley.systemtest.support.Chromium;
import io.parley.systemtest.support.Chromium.RunningChromium;
import io.parley.systemtest.support.WidgetDesk;
import io.parley.systemtest.support.WidgetDesk.OnlineAgent;
import io.parley.systemtest.support.WidgetDesk.RunningDesk;
import io.parley.systemtest.support.WidgetPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real life in the browser: a reload, a tab closed and opened again, and the connection to the server cut in the middle
 * of a conversation while both sides keep writing. Afterwards the widget shows exactly the server's transcript.
 */
@ExtendWith({WidgetDesk.class, Chromium.class})
class WidgetResilienceIT {

    @Test
    void theConversationSurvivesAReloadAClosedTabAndACutConnectionWithEveryMessageOnceInOrder(RunningDesk desk, RunningChromium chromium) {
        desk.answers("Noted.", List.of());
        String[] agent = desk.newAgent("Rita Resilient");
        try (BrowserContext visitor = chromium.visitor(1280, 800); OnlineAgent console = desk.onlineAgent(agent[1])) {
            WidgetPage widget = WidgetPage.open(visitor, desk.url("/"));
            widget.openChat();
            widget.say("first question");
            assertThat(widget.stored()).hasCount(2);
            String session = widget.sessionId();

            widget.page().reload();
            // the panel opens again after a reload, with the conversation
            assertThat(widget.stored()).hasCount(2);
            widget.say("second question");
            assertThat(widget.stored()).hasCount(4);

            widget.page().close();
            WidgetPage again = WidgetPage.open(visitor, desk.url("/"));
            again.openChat();
            // a tab opened again
            assertThat(again.stored()).hasCount(4);
            assertThat(again.sessionId()).isEqualTo(session);

            desk.relay().refuse(true);
            assertThat(again.chat().locator(".status")).hasText("Reconnecting…");
            again.say("written while offline");
            assertThat(again.chat().locator(".from-user .meta").last()).hasText("Waiting for the connection…");
            console.request("join_session", Map.of("sessionId", session, "afterSeq", 0));
            console.request("agent_message", Map.of("sessionId", session, "text", "Are you still there?", "clientMsgId", "while-cut"));

            desk.relay().refuse(false);
            assertThat(again.chat().locator(".status")).hasText("Online");
            assertThat(again.chat().locator(".from-agent")).containsText("Are you still there?");
            assertThat(again.chat().locator(".from-user").last()).containsText("written while offline");
            assertThat(again.chat().locator(".from-user .meta").last()).hasText("Delivered");

            JsonNode stored = desk.api().get("/api/admin/sessions/" + session + "/messages?afterSeq=0&limit=100", desk.admin()).body();
            List<Integer> seqs = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            stored.forEach(m -> {
                seqs.add(m.path("seq").asInt());
                texts.add(m.path("text").asText());
            });
            assertThat(texts).containsSubsequence("first question", "Noted.", "second question", "Noted.", "Are you still there?", "written while offline");
            assertThat(again.stored()).hasCount(seqs.size());
            assertThat(again.stored().evaluateAll("nodes => nodes.map(n => Number(n.dataset.seq))"))
                    .as("the widget shows every stored message once, in order").isEqualTo(seqs);
            List<String> shown = again.transcript();
            for (int i = 0; i < texts.size(); i++) {
                assertThat(shown.get(i)).contains(texts.get(i));
            }
            // nothing left on its way
            assertThat(again.chat().locator(".msg:not([data-seq]):not(.welcome)")).hasCount(0);
        } finally {
            desk.relay().refuse(false);
        }
    }
}
