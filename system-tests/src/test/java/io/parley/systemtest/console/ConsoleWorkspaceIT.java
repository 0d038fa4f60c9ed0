package io.parley.systemtest.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.parley.systemtest.support.WidgetDesk.Account;
import io.parley.systemtest.support.WidgetDesk.RunningDesk;
import io.parley.systemtest.support.WidgetPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agent's workspace in the console, used in Chromium as an agent uses it: signing in, going online, a visitor's
 * request arriving live, answering, a note the visitor never sees, the connection dropping and coming back without a
 * message missing or shown twice, resolving; staying signed in across a reload, and being signed out everywhere.
 */
@ExtendWith({WidgetDesk.class, Chromium.class})
class ConsoleWorkspaceIT {

    /** Long enough for the console and the widget to reconnect after a cut (their pauses grow to a few seconds). */
    private static final LocatorAssertions.HasCountOptions AFTER_RECONNECTING = new LocatorAssertions.HasCountOptions().setTimeout(20_000);

    @Test
    void anAgentAnswersAVisitorLiveWritesANoteAndMissesNothingWhenTheConnectionDrops(RunningDesk desk, RunningChromium chromium) {
        desk.answers("Happy to help.", List.of());
        Account ada = desk.newAccount("Ada Console", "agent");
        try (BrowserContext agentBrowser = chromium.visitor(1280, 800); BrowserContext visitorBrowser = chromium.visitor(1280, 800)) {
            ConsolePage console = ConsolePage.open(agentBrowser, desk.url("/admin/"));
            assertThat(console.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to Parley"))).isVisible();
            console.screenshot("console-sign-in");
            console.signIn(ada.email(), ada.password());
            console.button("Online").click();
            assertThat(console.button("Online")).hasAttribute("aria-pressed", "true");
            assertThat(console.page().getByText("No conversation is yours right now.")).isVisible();

            WidgetPage widget = WidgetPage.open(visitorBrowser, desk.url("/"));
            widget.openChat();
            widget.say("I need a person");
            assertThat(widget.stored()).hasCount(2);
            widget.chat().getByText("Talk to a person").click();
            String session = widget.sessionId();

            // routing offers it to Ada, who is online: it appears in her view without a reload
            assertThat(console.conversations()).hasCount(1);
            assertThat(console.conversations().first()).containsText("With an agent");
            console.screenshot("console-inbox");
            console.conversations().first().click();
            assertThat(console.transcript().nth(0)).containsText("I need a person");
            assertThat(console.transcript().nth(1)).containsText("Happy to help.");
            assertThat(widget.chat().locator(".from-system").last()).containsText("Ada Console");
            assertThat(console.transcript().last()).containsText("Ada Console"); // the notice the visitor sees, the agent sees too

            console.reply().fill("Hi, I am Ada. How can I help?");
            console.reply().press("Enter");
            assertThat(widget.chat().locator(".from-agent").last()).containsText("Hi, I am Ada. How can I help?");
            assertThat(console.reply()).hasValue("");

            console.page().getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Internal note")).check();
            console.page().getByLabel("Note for the agents").fill("Customer on the premium plan");
            console.page().getByLabel("Note for the agents").press("Enter");
            Locator note = console.transcript().filter(new Locator.FilterOptions().setHasText("Customer on the premium plan"));
            assertThat(note).containsText("Internal note · only agents see this");
            widget.say("Thanks, Ada");
            assertThat(console.transcript().last()).containsText("Thanks, Ada");
            assertThat(widget.chat().getByText("premium plan")).hasCount(0);
            console.screenshot("console-conversation");

            desk.relay().refuse(true);
            assertThat(console.page().getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("connection to Parley was lost"))).isVisible();
            try (ChatClient admin = ChatClient.connect(desk.parley().server().ws("/ws/agent"))) {
                admin.authenticate(desk.admin());
                admin.request("internal_note", Map.of("sessionId", session, "text", "Written while Ada was cut off"));
            }
            widget.say("Are you still there?");
            desk.relay().refuse(false);
            assertThat(console.transcript().filter(new Locator.FilterOptions().setHasText("Written while Ada was cut off"))).hasCount(1, AFTER_RECONNECTING);
            assertThat(console.transcript().filter(new Locator.FilterOptions().setHasText("Are you still there?"))).hasCount(1, AFTER_RECONNECTING);

            List<String> stored = new ArrayList<>();
            desk.api().get("/api/admin/sessions/" + session + "/messages?afterSeq=0&limit=100", desk.admin()).body()
                    .forEach(message -> stored.add(message.path("text").asText()));
            Locator messages = console.page().getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Messages")).locator("li.message p");
            assertThat(messages).hasCount(stored.size());
            assertThat(messages.allInnerTexts()).as("every stored message once, in order").isEqualTo(stored);

            console.button("Resolve").click();
            assertThat(console.page().getByText("This conversation has ended.")).isVisible();
            assertThat(desk.sessionOf(session).path("status").asText()).isEqualTo("resolved");
            assertThat(console.errors()).as("the browser's console").isEmpty();
        } finally {
            desk.relay().refuse(false);
            desk.offline(ada);
        }
    }

    @Test
    void aReloadKeepsTheAgentSignedInWithoutAdminViewsAndSigningOutEverywhereEndsIt(RunningDesk desk, RunningChromium chromium) {
        Account bob = desk.newAccount("Bob Console", "agent");
        try (BrowserContext browser = chromium.visitor(1280, 800)) {
            ConsolePage console = ConsolePage.open(browser, desk.url("/admin/"));
            console.signIn(bob.email(), "not the password at all");
            assertThat(console.page().getByRole(AriaRole.ALERT)).hasText("The email or the password is wrong");

            console.signIn(bob.email(), bob.password());
            assertThat(console.link("Mine")).isVisible();
            assertThat(console.link("Unassigned")).isVisible();
            assertThat(console.link("All")).hasCount(0); // an agent has no view of everyone's conversations
            console.page().reload();
            assertThat(console.link("Mine")).isVisible();
            assertThat(console.page().getByText("Bob Console")).isVisible();
            console.page().navigate(desk.url("/admin/#/inbox/all"));
            assertThat(console.link("Mine")).hasAttribute("aria-current", "page");

            String elsewhere = desk.api().login(bob.email(), bob.password());
            assertThat(desk.api().post("/api/me/sign-out-everywhere", elsewhere, null).status()).isEqualTo(204);
            assertThat(console.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to Parley"))).isVisible();
            assertThat(console.page().getByRole(AriaRole.STATUS)).hasText("You were signed out on every device. Sign in again.");
            console.page().reload();
            assertThat(console.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to Parley"))).isVisible();
            assertThat(console.errors()).as("the browser's console").isEmpty();
        }
    }

    @Test
    void anAdminHasTheViewOfEveryConversation(RunningDesk desk, RunningChromium chromium) {
        try (BrowserContext browser = chromium.visitor(1280, 800);
             ChatClient visitor = ChatClient.connect(desk.parley().server().ws("/ws/chat"))) {
            visitor.startSession(Map.of("name", "Grace Hopper", "email", "grace@example.com"));
            visitor.say("Hello there");
            ConsolePage console = ConsolePage.open(browser, desk.url("/admin/"));
            console.signIn(ParleyEnvironment.ADMIN_EMAIL, ParleyEnvironment.ADMIN_PASSWORD);
            console.link("All").click();
            assertThat(console.conversations().filter(new Locator.FilterOptions().setHasText("Grace Hopper"))).hasCount(1);
            console.page().getByLabel("Search by visitor name or email").fill("grace@example");
            assertThat(console.conversations()).hasCount(1);
            console.conversations().first().click();
            assertThat(console.page().getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("About the visitor")))
                    .containsText("grace@example.com");
            console.page().getByLabel("Search by visitor name or email").fill("nobody by this name");
            assertThat(console.page().getByText("No conversation matches the search.")).isVisible();
            JsonNode everyone = desk.api().get("/api/admin/sessions?view=all&size=1", desk.admin()).body();
            assertThat(everyone.path("total").asLong()).isPositive();
            assertThat(console.errors()).as("the browser's console").isEmpty();
        }
    }
}
