package io.parley.systemtest.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.Chromium;
import io.parley.systemtest.support.Chromium.RunningChromium;
import io.parley.systemtest.support.ConsolePage;
import io.parley.systemtest.support.ParleyEnvironment;
import io.parley.systemtest.support.WidgetDesk;
import io.parley.systemtest.support.WidgetDesk.OnlineAgent;
import io.parley.systemtest.support.WidgetDesk.RunningDesk;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The inbox as an admin reads it: the queue with who has waited longest first and the countdown each visitor sees, the
 * filters (status, agent, the days conversations started), a long list loaded as one scrolls, and a long conversation
 * read upward from its end.
 */
@ExtendWith({WidgetDesk.class, Chromium.class})
class ConsoleInboxIT {

    @Test
    void theQueueShowsWhoWaitedLongestFirstWithTheirCountdownAndTheFiltersNarrowTheList(RunningDesk desk, RunningChromium chromium) {
        desk.answers("Let me see.", List.of());
        String tag = tag();
        String[] ben = desk.newAgent("Ben Filter " + tag);
        try (BrowserContext browser = chromium.visitor(1280, 800);
             ChatClient first = ChatClient.connect(desk.parley().server().ws("/ws/chat"));
             ChatClient second = ChatClient.connect(desk.parley().server().ws("/ws/chat"));
             ChatClient browsing = ChatClient.connect(desk.parley().server().ws("/ws/chat"))) {
            ConsolePage console = ConsolePage.open(browser, desk.url("/admin/"));
            console.signIn(ParleyEnvironment.ADMIN_EMAIL, ParleyEnvironment.ADMIN_PASSWORD);
            console.link("Unassigned").click();
            console.page().getByLabel("Search by visitor name or email").fill(tag);

            String firstId = WidgetDesk.asksForAPerson(first, "First " + tag);
            WidgetDesk.aSecondLater();
            String secondId = WidgetDesk.asksForAPerson(second, "Second " + tag);
            // the one who asked first is served first, and the agent sees what is left of the countdown the visitor sees
            assertThat(console.conversations()).hasCount(2);
            assertThat(console.conversations().nth(0)).containsText("First " + tag);
            assertThat(console.conversations().nth(1)).containsText("Second " + tag);
            assertThat(console.conversations().nth(0)).containsText(Pattern.compile("waiting 0:\\d\\d · 0:\\d\\d left"));
            // each view says how many unread messages it holds, the one open and the others
            assertThat(console.link("Unassigned")).hasAccessibleDescription(Pattern.compile("^\\d+ unread messages?$"));
            assertThat(console.link("All")).hasAccessibleDescription(Pattern.compile("^\\d+ unread messages?$"));
            console.screenshot("console-queue");
            console.assertAccessible("the queue");

            try (OnlineAgent agent = desk.onlineAgent(ben[1])) {
                // going online, Ben is given both; he takes them up, so that they stay his
                agent.request("join_session", Map.of("sessionId", firstId));
                agent.request("join_session", Map.of("sessionId", secondId));
                assertThat(console.conversations()).hasCount(0);
            }
            String browsingId = browsing.startSession(Map.of("name", "Browsing " + tag)).path("sessionId").asText();
            browsing.say("Just looking around");

            console.link("All").click();
            assertThat(console.conversations()).hasCount(3);
            console.button("Filters").click();
            field(console, "Status").selectOption("With the assistant");
            assertThat(console.conversations()).hasCount(1);
            assertThat(console.conversations().first()).containsText("Browsing " + tag);
            assertThat(console.button("Filters (1)")).isVisible();
            field(console, "Status").selectOption("Any status");
            field(console, "Agent").selectOption("Ben Filter " + tag);
            assertThat(console.conversations()).hasCount(2);
            assertThat(console.conversations().filter(new Locator.FilterOptions().setHasText("Browsing " + tag))).hasCount(0);
            console.screenshot("console-filters");
            console.assertAccessible("the inbox's filters");

            field(console, "Agent").selectOption("Anyone");
            field(console, "Started from").fill(LocalDate.now().plusDays(1).toString());
            assertThat(console.page().getByText("No conversation matches the search and filters.")).isVisible();
            field(console, "Started from").fill(LocalDate.now().minusDays(1).toString());
            assertThat(console.conversations()).hasCount(3);
            console.button("Clear filters").click();
            assertThat(console.button("Filters")).isVisible();
            assertThat(console.conversations()).hasCount(3);
            assertThat(desk.sessionOf(browsingId).path("status").asText()).isEqualTo("active");
            assertThat(console.errors()).as("the browser's console").isEmpty();
        }
    }

    @Test
    void aLongListLoadsAsTheAgentScrollsDrawingOnlyTheRowsInSight(RunningDesk desk, RunningChromium chromium) {
        String tag = tag();
        int crowd = 130;
        try (BrowserContext browser = chromium.visitor(1280, 800); ChatClient visitors = ChatClient.connect(desk.parley().server().ws("/ws/chat"))) {
            for (int i = 1; i <= crowd; i++) {
                visitors.startSession(Map.of("name", String.format("Crowd %03d %s", i, tag)));
            }
            ConsolePage console = ConsolePage.open(browser, desk.url("/admin/"));
            console.signIn(ParleyEnvironment.ADMIN_EMAIL, ParleyEnvironment.ADMIN_PASSWORD);
            console.link("All").click();
            console.page().getByLabel("Search by visitor name or email").fill(tag);
            Locator rows = console.page().getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Conversation list"))
                    .getByRole(AriaRole.LISTITEM);
            assertThat(rows.first()).containsText("Crowd ");
            assertThat(rows.first()).hasAttribute("aria-setsize", String.valueOf(crowd));
            assertThat(rows.count()).as("rows drawn at once").isLessThan(50);

            // the list holds a page at first; the next ones load as the agent nears the end, until the last row
            Locator last = rows.and(console.page().locator("[aria-posinset='" + crowd + "']"));
            scrollUntilShown(console, rows.first(), last, 200);
            assertThat(last).containsText("Crowd ");
            assertThat(rows.count()).as("rows drawn at once").isLessThan(50);
            console.assertAccessible("a long list scrolled to its end");
            String name = last.getByRole(AriaRole.LINK).locator(".who").innerText();
            last.getByRole(AriaRole.LINK).click();
            assertThat(console.page().getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Conversation with " + name))).isVisible();
            assertThat(console.errors()).as("the browser's console").isEmpty();
        }
    }

    @Test
    void aLongConversationOpensAtItsEndAndReadsUpwardEveryMessageOnceInOrder(RunningDesk desk, RunningChromium chromium) {
        String tag = tag();
        int lines = 130;
        try (BrowserContext browser = chromium.visitor(1280, 800);
             ChatClient visitor = ChatClient.connect(desk.parley().server().ws("/ws/chat"));
             ChatClient admin = ChatClient.connect(desk.parley().server().ws("/ws/agent"))) {
            String session = visitor.startSession(Map.of("name", "Long Talk " + tag)).path("sessionId").asText();
            admin.authenticate(desk.admin());
            for (int i = 1; i <= lines; i++) {
                admin.request("agent_message", Map.of("sessionId", session, "text", "Line " + i, "clientMsgId", UUID.randomUUID().toString()));
            }
            List<String> stored = new ArrayList<>();
            desk.api().get("/api/admin/sessions/" + session + "/messages?afterSeq=0&limit=500", desk.admin()).body()
                    .forEach(message -> stored.add(message.path("text").asText()));

            ConsolePage console = ConsolePage.open(browser, desk.url("/admin/"));
            console.signIn(ParleyEnvironment.ADMIN_EMAIL, ParleyEnvironment.ADMIN_PASSWORD);
            console.link("All").click();
            console.page().getByLabel("Search by visitor name or email").fill(tag);
            assertThat(console.conversations()).hasCount(1);
            console.conversations().first().click();
            Locator messages = console.page().getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Messages")).locator("li.message p");
            // it opens at its end, the latest page only
            assertThat(messages.last()).hasText("Line " + lines);
            assertThat(messages.last()).isInViewport();
            assertThat(console.button("Show earlier messages")).isAttached();
            assertThat(messages.count()).isLessThan(stored.size());

            scrollUntilShown(console, console.transcript().last(), messages.getByText("Line 1", new Locator.GetByTextOptions().setExact(true)), -200);
            assertThat(console.button("Show earlier messages")).hasCount(0);
            console.assertAccessible("a long conversation read to its start");
            assertThat(messages).hasCount(stored.size());
            assertThat(messages.allInnerTexts()).as("every stored message once, in order").isEqualTo(stored);
            assertThat(console.errors()).as("the browser's console").isEmpty();
        }
    }

    /** Turns the mouse wheel over a list, as a person reading it does, until what is sought is drawn and in sight. */
    private static void scrollUntilShown(ConsolePage console, Locator over, Locator sought, int step) {
        over.hover();
        for (int turn = 0; turn < 300; turn++) {
            try {
                assertThat(sought).isInViewport(new LocatorAssertions.IsInViewportOptions().setTimeout(50));
                return;
            } catch (AssertionFailedError notYet) {
                console.page().mouse().wheel(0, step);
            }
        }
        assertThat(sought).isInViewport();
    }

    private static Locator field(ConsolePage console, String label) {
        return console.page().getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
