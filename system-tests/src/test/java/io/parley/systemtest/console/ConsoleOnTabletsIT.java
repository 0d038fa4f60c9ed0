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
import io.parley.systemtest.support.WidgetDesk;
import io.parley.systemtest.support.WidgetDesk.Account;
import io.parley.systemtest.support.WidgetDesk.RunningDesk;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console on the smaller screens agents use: a small laptop's (1,024 × 768, the narrowest the console is made for)
 * and a tablet's held upright, touch and no mouse. An agent signs in, opens the conversation routing gave them and
 * answers; what they need for it is whole in the window, and takes a click where it shows (nothing lies over it).
 */
@ExtendWith({WidgetDesk.class, Chromium.class})
class ConsoleOnTabletsIT {

    /** Entirely in the window: not cut off by its edge nor by a pane's. */
    private static final LocatorAssertions.IsInViewportOptions WHOLE = new LocatorAssertions.IsInViewportOptions().setRatio(1);

    @Test
    void onASmallLaptopScreenAnAgentAnswersWithEverythingNeededInView(RunningDesk desk, RunningChromium chromium) {
        try (BrowserContext browser = chromium.visitor(1024, 768)) {
            answers(desk, browser, "Ada Laptop", "light", "console-1024");
        }
    }

    /** In the dark theme, so that axe-core checks a conversation in it too. */
    @Test
    void onATabletHeldUprightAnAgentAnswersWithEverythingNeededInView(RunningDesk desk, RunningChromium chromium) {
        try (BrowserContext browser = chromium.tablet(820, 1180)) {
            answers(desk, browser, "Ada Tablet", "dark", "console-tablet");
        }
    }

    private static void answers(RunningDesk desk, BrowserContext browser, String name, String theme, String screenshot) {
        desk.answers("Happy to help.", List.of());
        Account agent = desk.newAccount(name, "agent");
        desk.api().call("PATCH", "/api/me/prefs", desk.api().login(agent.email(), agent.password()), Map.of("theme", theme));
        try (ChatClient visitor = ChatClient.connect(desk.parley().server().ws("/ws/chat"))) {
            ConsolePage console = ConsolePage.open(browser, desk.url("/admin/"));
            Page page = console.page();
            assertWhole(console.button("Sign in"));
            console.signIn(agent.email(), agent.password());
            console.button("Online").click();
            assertThat(console.button("Online")).hasAttribute("aria-pressed", "true");
            for (Locator control : List.of(console.link("Inbox"), console.button("Away"), console.button("Offline"),
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Notifications"))),
                    console.button(name), page.getByLabel("Search by visitor name or email"))) {
                assertWhole(control);
            }

            visitor.startSession(Map.of("name", "Grace " + name));
            visitor.say("Hello, I have a question about my order");
            visitor.request("request_agent", Map.of());
            assertThat(console.conversations()).hasCount(1);
            assertWhole(console.conversations().first());
            console.conversations().first().click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Grace " + name))).isVisible();
            assertThat(console.transcript().first()).containsText("Hello, I have a question about my order");
            for (Locator control : List.of(console.reply(), console.button("Resolve"), console.button("Transfer"),
                    page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Internal note")), page.getByLabel("Attach an image"))) {
                assertWhole(control);
            }
            assertThat(page.evaluate("document.documentElement.scrollWidth <= innerWidth")).as("no part of the page beside the window").isEqualTo(true);
            console.assertAccessible("a conversation, " + theme + ", " + screenshot);

            console.reply().fill("Hi, I am Ada. Which order is it?");
            assertWhole(console.button("Send"));
            console.button("Send").click();
            visitor.until("agent_message", data -> data.path("message").path("text").asText().equals("Hi, I am Ada. Which order is it?"));
            assertThat(console.transcript().last()).containsText("Hi, I am Ada. Which order is it?");
            assertWhole(console.transcript().last());
            console.screenshot(screenshot);

            console.button("Resolve").click();
            assertThat(page.getByText("This conversation has ended.")).isVisible();
            assertThat(console.errors()).as("the browser's console").isEmpty();
        } finally {
            desk.offline(agent);
        }
    }

    /** Shown, whole in the window, and the topmost thing where it is (Playwright's click checks that it gets the click). */
    private static void assertWhole(Locator control) {
        assertThat(control).isVisible();
        assertThat(control).isInViewport(WHOLE);
        control.click(new Locator.ClickOptions().setTrial(true).setTimeout(5_000));
    }
}
