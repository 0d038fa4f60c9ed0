package io.parley.systemtest.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.Chromium;
import io.parley.systemtest.support.Chromium.RunningChromium;
import io.parley.systemtest.support.ConsolePage;
import io.parley.systemtest.support.WidgetDesk;
import io.parley.systemtest.support.WidgetDesk.Account;
import io.parley.systemtest.support.WidgetDesk.OnlineAgent;
import io.parley.systemtest.support.WidgetDesk.RunningDesk;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an agent has at hand in the console, used in Chromium as they use it: the bell and its notifications, their
 * preferences and the dark theme, canned responses on {@code /}, the keyboard, and transferring a conversation to a
 * colleague by name. Every test sets its agents offline at the end, so that routing never offers a later test's
 * visitor to someone left behind.
 */
@ExtendWith({WidgetDesk.class, Chromium.class})
class ConsoleAtHandIT {

    @Test
    void aVisitorAskingForAPersonRingsTheBellAndItsNotificationOpensTheConversation(RunningDesk desk, RunningChromium chromium) {
        desk.answers("Happy to help.", List.of());
        Account ada = desk.newAccount("Ada Bell", "agent");
        try (BrowserContext browser = chromium.visitor(1280, 800);
             ChatClient visitor = ChatClient.connect(desk.parley().server().ws("/ws/chat"))) {
            ConsolePage console = onlineIn(browser, desk, ada);
            Locator bell = bell(console);
            assertThat(bell).hasAccessibleName("Notifications, none unread");

            String session = WidgetDesk.asksForAPerson(visitor, "Grace Bell");
            // Ada, the one online, hears that Grace asks for a person, and routing gives Grace to her: two notifications
            assertThat(bell).hasAccessibleName("Notifications, 2 unread");
            bell.click();
            Locator notifications = console.page().getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Notifications"));
            assertThat(notifications.getByRole(AriaRole.BUTTON)).hasCount(2);
            Locator request = notifications.getByRole(AriaRole.BUTTON).filter(new Locator.FilterOptions().setHasText("Grace Bell asks for a person"));
            assertThat(request).containsText("Unread");
            console.screenshot("console-notifications");
            console.assertAccessible("the notifications");

            request.click();
            assertThat(console.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Grace Bell"))).isVisible();
            assertThat(console.page()).hasURL(Pattern.compile(session));
            assertThat(bell).hasAccessibleName("Notifications, 1 unread");
            JsonNode stored = desk.api().get("/api/notifications", desk.api().login(ada.email(), ada.password())).body().path("items");
            assertThat(stored.findValuesAsText("text")).contains("Grace Bell asks for a person");
            stored.forEach(notice -> assertThat(notice.path("read").asBoolean())
                    .as("read on the server: %s", notice).isEqualTo(notice.path("kind").asText().equals("agent_request")));
            assertThat(console.errors()).as("the browser's console").isEmpty();
        } finally {
            desk.offline(ada);
        }
    }

    @Test
    void theDarkThemeAndTheAlertsChosenSurviveAReload(RunningDesk desk, RunningChromium chromium) {
        Account bea = desk.newAccount("Bea Prefs", "agent");
        // the narrowest window the console is made for
        try (BrowserContext browser = chromium.visitor(1024, 768)) {
            browser.grantPermissions(List.of("notifications"));
            ConsolePage console = ConsolePage.open(browser, desk.url("/admin/"));
            console.signIn(bea.email(), bea.password());
            Locator preferences = openPreferences(console, "Bea Prefs");
            assertThat(preferences.getByLabel("Same as the system")).isChecked();
            assertThat(sound(preferences)).isChecked();
            assertThat(preferences.getByText("This browser shows them.")).isVisible();
            console.assertAccessible("the preferences, light");

            // clicked, as a person does: the boxes show what is stored, which changes a moment later (Playwright's
            // check() wants the box changed at once)
            preferences.getByLabel("Dark").click();
            assertThat(preferences.getByLabel("Dark")).isChecked();
            assertThat(console.page().locator("html")).hasAttribute("data-theme", "dark");
            // the page's colours, not only the attribute: the background is the dark theme's
            assertThat(console.page().evaluate("getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(18, 21, 27)");
            sound(preferences).click();
            assertThat(sound(preferences)).not().isChecked();
            desktop(preferences).click();
            assertThat(desktop(preferences)).not().isChecked();
            console.screenshot("console-preferences");
            console.assertAccessible("the preferences, dark");
            assertThat(preferences.getByRole(AriaRole.ALERT)).hasCount(0);
            // saved as the person's: the server has them, whatever this browser keeps
            JsonNode saved = awaitPreferences(desk, bea, "desktopNotifications", "false");
            assertThat(saved.path("theme").asText()).isEqualTo("dark");
            assertThat(saved.path("sound").asBoolean(true)).isFalse();

            preferences.press("Escape");
            assertThat(preferences).isHidden();
            console.assertAccessible("the empty inbox, dark");
            console.page().reload();
            preferences = openPreferences(console, "Bea Prefs");
            assertThat(preferences.getByLabel("Dark")).isChecked();
            assertThat(sound(preferences)).not().isChecked();
            assertThat(desktop(preferences)).not().isChecked();
            assertThat(console.page().locator("html")).hasAttribute("data-theme", "dark");

            preferences.getByLabel("Light").click();
            assertThat(console.page().locator("html")).hasAttribute("data-theme", "light");
            assertThat(console.errors()).as("the browser's console").isEmpty();
        }
    }

    @Test
    void aSlashListsTheCannedResponsesAsOneTypesAndEnterInsertsOneThatTheVisitorThenReceives(RunningDesk desk, RunningChromium chromium) {
        desk.answers("Happy to help.", List.of());
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String refund = "Refunds reach your card within 5 working days (" + tag + ").";
        String shipping = "We ship every order within 24 hours (" + tag + ").";
        desk.cannedResponse("refund " + tag, refund);
        desk.cannedResponse("shipping " + tag, shipping);
        Account ada = desk.newAccount("Ada Canned", "agent");
        try (BrowserContext browser = chromium.visitor(1280, 800);
             ChatClient visitor = ChatClient.connect(desk.parley().server().ws("/ws/chat"))) {
            ConsolePage console = onlineIn(browser, desk, ada);
            WidgetDesk.asksForAPerson(visitor, "Grace Canned");
            console.conversations().first().click();
            Locator canned = console.page().getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName("Canned responses"));
            Locator options = canned.getByRole(AriaRole.OPTION);

            console.reply().pressSequentially("/" + tag);
            assertThat(options).hasCount(2);
            assertThat(options.first()).hasAttribute("aria-selected", "true");
            console.reply().press("ArrowDown");
            assertThat(options.nth(1)).hasAttribute("aria-selected", "true");
            assertThat(console.reply()).hasAttribute("aria-activedescendant", options.nth(1).getAttribute("id"));
            console.screenshot("console-canned");
            console.assertAccessible("the canned responses");
            console.reply().press("Escape");
            assertThat(canned).isHidden();

            console.reply().fill("");
            console.reply().pressSequentially("/shipping " + tag);
            assertThat(options).hasCount(1);
            assertThat(options.first()).containsText(shipping);
            console.reply().press("Enter");
            // inserted, not sent: the agent may still change it
            assertThat(console.reply()).hasValue(shipping);
            assertThat(canned).isHidden();
            console.reply().press("Enter");
            assertThat(console.reply()).hasValue("");
            visitor.until("agent_message", data -> data.path("message").path("text").asText().equals(shipping));

            console.reply().press("Alt+l");
            assertThat(console.reply()).hasValue(shipping);
            // by its shortcut: the response whose shortcut it is comes first, shown with its shortcut
            String returns = "Send it back within 30 days with the label in the parcel (" + tag + ").";
            desk.api().post("/api/canned-responses", desk.admin(), Map.of("trigger", "return an item " + tag, "response", returns,
                    "matchType", "exact", "shortcut", "/ret-" + tag));
            console.reply().fill("");
            console.reply().pressSequentially("/ret-" + tag);
            assertThat(options).hasCount(1);
            assertThat(options.first()).containsText("/ret-" + tag);
            console.reply().press("Enter");
            assertThat(console.reply()).hasValue(returns);
            console.reply().fill("/nothing like it " + tag);
            assertThat(console.page().getByText("No canned response has “nothing like it " + tag + "” in it.")).isVisible();
            assertThat(console.errors()).as("the browser's console").isEmpty();
        } finally {
            desk.offline(ada);
        }
    }

    @Test
    void theKeysMoveThroughTheListOpenAConversationAndAreListedUnderTheQuestionMark(RunningDesk desk, RunningChromium chromium) {
        desk.answers("Happy to help.", List.of());
        Account ada = desk.newAccount("Ada Keys", "agent");
        try (BrowserContext browser = chromium.visitor(1280, 800);
             ChatClient first = ChatClient.connect(desk.parley().server().ws("/ws/chat"));
             ChatClient second = ChatClient.connect(desk.parley().server().ws("/ws/chat"))) {
            ConsolePage console = onlineIn(browser, desk, ada);
            WidgetDesk.asksForAPerson(first, "Grace Keys");
            WidgetDesk.asksForAPerson(second, "Alan Keys");
            assertThat(console.conversations()).hasCount(2);
            Page page = console.page();

            page.keyboard().press("?");
            Locator shortcuts = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keyboard shortcuts"));
            assertThat(shortcuts).containsText("Next conversation in the list");
            assertThat(shortcuts).containsText("Insert the canned response used last");
            console.screenshot("console-shortcuts");
            console.assertAccessible("the keyboard shortcuts");
            page.keyboard().press("Escape");
            assertThat(shortcuts).isHidden();

            page.keyboard().press("j");
            assertThat(console.conversations().nth(0)).isFocused();
            page.keyboard().press("j");
            assertThat(console.conversations().nth(1)).isFocused();
            page.keyboard().press("k");
            page.keyboard().press("j");
            // found by name from here on: opening it brings it to the top (the notice that Ada joined is new activity)
            Locator chosen = console.conversations().filter(new Locator.FilterOptions().setHasText(console.conversations().nth(1).locator(".who").innerText()));
            page.keyboard().press("o");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(chosen.locator(".who").innerText()))).isVisible();
            assertThat(chosen).hasAttribute("aria-current", "page");

            page.keyboard().press("r");
            assertThat(console.reply()).isFocused();
            page.keyboard().press("c"); // typed into the reply: a key in a field is writing
            assertThat(console.reply()).hasValue("c");
            page.keyboard().press("Escape");
            assertThat(console.reply()).not().isFocused();
            page.keyboard().press("c");
            assertThat(page.getByText("Choose a conversation to read it here.")).isVisible();
            assertThat(chosen).isFocused();
            assertThat(console.errors()).as("the browser's console").isEmpty();
        } finally {
            desk.offline(ada);
        }
    }

    @Test
    void anAgentTransfersTheirConversationToAColleagueOnlineWhoseLoadTheySee(RunningDesk desk, RunningChromium chromium) {
        desk.answers("Happy to help.", List.of());
        Account ada = desk.newAccount("Ada Transfer", "agent");
        String[] bob = desk.newAgent("Bob Transfer");
        try (BrowserContext browser = chromium.visitor(1280, 800);
             ChatClient grace = ChatClient.connect(desk.parley().server().ws("/ws/chat"));
             ChatClient alan = ChatClient.connect(desk.parley().server().ws("/ws/chat"))) {
            ConsolePage console = onlineIn(browser, desk, ada);
            String graces = WidgetDesk.asksForAPerson(grace, "Grace Transfer");
            assertThat(console.conversations()).hasCount(1);
            try (OnlineAgent bobOnline = desk.onlineAgent(bob[1])) {
                // routing gives the next visitor to the least loaded: Bob, who then has one chat
                String alans = WidgetDesk.asksForAPerson(alan, "Alan Transfer");
                bobOnline.until("session_assigned", data -> data.path("session").path("id").asText().equals(alans));

                console.conversations().first().click();
                console.button("Transfer").click();
                Locator transfer = console.page().getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Transfer the conversation"));
                Locator bobsRow = transfer.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("Bob Transfer"));
                assertThat(bobsRow).containsText("1 of 5 chats");
                assertThat(transfer.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("Ada Transfer"))).hasCount(0);
                console.screenshot("console-transfer");
            console.assertAccessible("the transfer dialog");
                bobsRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Transfer to Bob Transfer")).click();

                assertThat(transfer).isHidden();
                assertThat(console.page().getByText("No conversation is yours right now.")).isVisible();
                assertThat(console.conversations()).hasCount(0);
                assertThat(desk.sessionOf(graces).path("assignedAgentId").asText()).isEqualTo(bob[0]);
                bobOnline.until("session_assigned", data -> data.path("session").path("id").asText().equals(graces));
            }
            assertThat(console.errors()).as("the browser's console").isEmpty();
        } finally {
            desk.offline(ada);
        }
    }

    /** Signed in and online, as an agent starts their shift. */
    private static ConsolePage onlineIn(BrowserContext browser, RunningDesk desk, Account account) {
        ConsolePage console = ConsolePage.open(browser, desk.url("/admin/"));
        console.signIn(account.email(), account.password());
        console.button("Online").click();
        assertThat(console.button("Online")).hasAttribute("aria-pressed", "true");
        return console;
    }

    private static Locator bell(ConsolePage console) {
        return console.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Notifications")));
    }

    private static Locator openPreferences(ConsolePage console, String name) {
        console.button(name).click();
        console.assertAccessible("the account menu");
        console.button("Preferences").click();
        return console.page().getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Preferences"));
    }

    private static Locator sound(Locator preferences) {
        return preferences.getByLabel("Play a sound when a conversation is given to me or a visitor asks for a person");
    }

    private static Locator desktop(Locator preferences) {
        return preferences.getByLabel("Show browser notifications while Parley is in the background");
    }

    /** The person's stored preferences once {@code field} has the value (each change is saved as it is clicked). */
    private static JsonNode awaitPreferences(RunningDesk desk, Account account, String field, String value) {
        String token = desk.api().login(account.email(), account.password());
        for (int attempt = 0; attempt < 50; attempt++) {
            JsonNode preferences = desk.api().get("/api/me", token).body().path("preferences");
            if (preferences.path(field).asText().equals(value)) {
                return preferences;
            }
            sleep();
        }
        throw new AssertionError(field + " never became " + value);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
