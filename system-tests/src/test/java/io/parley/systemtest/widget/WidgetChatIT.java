package io.parley.systemtest.widget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import io.parley.systemtest.support.Chromium;
import io.parley.systemtest.support.Chromium.RunningChromium;
import io.parley.systemtest.support.WidgetDesk;
import io.parley.systemtest.support.WidgetDesk.OnlineAgent;
import io.parley.systemtest.support.WidgetDesk.RunningDesk;
import io.parley.systemtest.support.WidgetPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A visitor chatting in the widget in Chromium: the welcome, streamed answers with suggestions, feedback, safe text. */
@ExtendWith({WidgetDesk.class, Chromium.class})
class WidgetChatIT {

    static final String ANSWER = "We are open **Monday to Friday**, 9:00 to 17:00.";

    @Test
    void theAnswerStreamsInThenShowsItsSuggestionsAndTakesAThumbsDown(RunningDesk desk, RunningChromium chromium) {
        desk.answers(ANSWER, List.of("Are you open on holidays?", "Where is the shop?"));
        try (BrowserContext visitor = chromium.visitor(1280, 800)) {
            WidgetPage widget = WidgetPage.open(visitor, desk.url("/"));
            widget.openChat();
            assertThat(widget.chat().locator(".welcome")).isVisible();
            widget.screenshot("widget-welcome");

            widget.say("When are you open?");
            Locator mine = widget.chat().locator(".from-user").first();
            assertThat(mine).containsText("When are you open?");
            assertThat(mine.locator(".meta")).hasText("Delivered");
            assertThat(widget.chat().locator(".streaming")).isVisible();
            assertThat(widget.chat().locator(".typing")).hasText("The assistant is writing…");

            Locator answer = widget.chat().locator(".from-bot").last();
            assertThat(answer).containsText("We are open Monday to Friday, 9:00 to 17:00.");
            assertThat(answer.locator("strong")).hasText("Monday to Friday");
            assertThat(widget.chat().locator(".streaming")).hasCount(0);
            assertThat(widget.button("Are you open on holidays?")).isVisible();
            widget.screenshot("widget-answer");

            answer.getByLabel("Not helpful").click();
            assertThat(answer.getByLabel("Not helpful")).hasAttribute("aria-pressed", "true");
            String session = widget.sessionId();
            JsonNode logged = desk.api().get("/api/admin/accuracy?sessionId=" + session, desk.admin()).body().path("items").get(0);
            assertThat(logged.path("helpful").asBoolean(true)).as("the visitor's thumbs down is in the accuracy log").isFalse();

            widget.button("Where is the shop?").click();
            assertThat(widget.stored()).hasCount(4);
            assertThat(widget.stored().nth(2)).containsText("Where is the shop?");
        }
    }

    @Test
    void noMessageRunsAsMarkupNeitherTheVisitorsNorTheAgents(RunningDesk desk, RunningChromium chromium) {
        desk.answers("Let me get someone for you.", List.of());
        String[] agent = desk.newAgent("Mallory Markup");
        try (BrowserContext visitor = chromium.visitor(1280, 800); OnlineAgent console = desk.onlineAgent(agent[1])) {
            WidgetPage widget = WidgetPage.open(visitor, desk.url("/"));
            widget.openChat();
            String attack = "<img src=x onerror=\"window.parent.pwned=1;window.pwned=1\"> <script>window.pwned=2</script>";
            widget.say(attack);
            assertThat(widget.chat().locator(".from-user").first()).containsText("<script>window.pwned=2</script>");
            String session = widget.sessionId();
            console.request("join_session", Map.of("sessionId", session, "afterSeq", 0));
            console.request("agent_message", Map.of("sessionId", session, "text", attack + " [x](javascript:window.pwned=3)", "clientMsgId", "xss-1"));

            Locator fromAgent = widget.chat().locator(".from-agent").last();
            assertThat(fromAgent).containsText("<img src=x onerror=");
            assertThat(fromAgent.locator(".who")).hasText("Mallory Markup");
            assertThat(widget.chat().locator(".list img:not(.thumb), .list script")).hasCount(0);
            assertThat(widget.chat().locator(".list a")).hasCount(0);
            assertThat(widget.chatFrame().evaluate("typeof window.pwned")).isEqualTo("undefined");
            assertThat(widget.page().evaluate("typeof window.pwned")).isEqualTo("undefined");
        }
    }
}
