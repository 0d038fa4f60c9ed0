package io.parley.systemtest.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.parley.systemtest.support.Chromium;
import io.parley.systemtest.support.Chromium.RunningChromium;
import io.parley.systemtest.support.ConsolePage;
import io.parley.systemtest.support.WidgetDesk;
import io.parley.systemtest.support.WidgetDesk.Account;
import io.parley.systemtest.support.WidgetDesk.RunningDesk;
import io.parley.systemtest.support.WidgetPage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin's "Routing and hours" page: the routing rules, the weekly hours with several periods a day, closed dates,
 * what a visitor is told outside the hours, and whether the desk is open now; the desk follows what is saved.
 */
@ExtendWith({WidgetDesk.class, Chromium.class})
class AdminRoutingIT {

    @Test
    void aClosedDateTodayClosesTheDeskAndTheWidgetOffersTheOfflineForm(RunningDesk desk, RunningChromium chromium) {
        Account admin = desk.newAccount("Ida Admin", "admin");
        JsonNode before = desk.api().get("/api/admin/settings", desk.admin()).body();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String weekday = today.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        try (BrowserContext browser = chromium.visitor(1280, 900); BrowserContext visitor = chromium.visitor(1280, 800)) {
            ConsolePage console = ConsolePage.open(browser, desk.url("/admin/"));
            console.signIn(admin.email(), admin.password());
            console.link("Admin").click();
            console.page().getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Admin pages"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Routing and hours")).click();
            assertThat(console.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Routing and hours"))).isVisible();
            assertThat(console.page().getByText("Now: open (no business hours are kept)")).isVisible();

            console.page().getByLabel("Online agents in turn (round robin)").check();
            console.page().getByLabel("Conversations an agent takes at once").fill("3");
            console.page().getByLabel("The visitor's countdown (seconds)").fill("45");
            console.page().getByLabel("Keep business hours").check();
            console.page().getByLabel("Time zone").selectOption("UTC");
            // open all day today by the week's hours (00:00 to 00:00 is the whole day) ...
            Locator day = console.page().getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(weekday));
            day.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add hours on " + weekday)).click();
            day.getByLabel("Opens").fill("00:00");
            day.getByLabel("Closes").fill("00:00");
            // ... and a second period that closes before it opens: said, and nothing can be saved
            day.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add hours on " + weekday)).click();
            day.getByLabel("Opens").nth(1).fill("18:00");
            day.getByLabel("Closes").nth(1).fill("08:00");
            assertThat(console.page().getByRole(AriaRole.ALERT)).containsText(weekday + ": the hours from 18:00 must close after they open");
            assertThat(console.button("Save")).isDisabled();
            day.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove " + weekday + " from 18:00")).click();
            // ... but today is a holiday
            console.button("Add a closed date").click();
            console.page().getByLabel("Date", new Page.GetByLabelOptions().setExact(true)).fill(today.toString());
            console.page().getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Founders' Day");
            console.page().getByLabel("What a visitor is told outside business hours").fill("We are closed for Founders' Day. Leave us a message.");
            console.button("Save").click();
            assertThat(console.page().getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Now:")))
                    .hasText("Now: closed all day (Founders' Day)");
            console.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Routing and hours")).scrollIntoViewIfNeeded();
            console.screenshot("console-admin-routing");
            console.assertAccessible("routing and hours");

            JsonNode saved = desk.api().get("/api/admin/settings", desk.admin()).body();
            assertThat(saved.path("routing").path("strategy").asText()).isEqualTo("round-robin");
            assertThat(saved.path("routing").path("defaultCapacity").asInt()).isEqualTo(3);
            assertThat(saved.path("businessHours").path("closedDates").get(0).path("date").asText()).isEqualTo(today.toString());
            // the countdown every agent's queue counts down with
            assertThat(desk.api().get("/api/agents/rules", desk.admin()).body().path("countdownSeconds").asInt()).isEqualTo(45);

            // a visitor who asks for a person now is told the admin's words and offered the offline form
            WidgetPage widget = WidgetPage.open(visitor, desk.url("/"));
            widget.openChat();
            widget.chat().getByText("Talk to a person").click();
            assertThat(widget.chat().getByText("We are closed for Founders' Day. Leave us a message.")).isVisible();
            assertThat(widget.chat().locator("form.form").first()).isVisible();

            // the page after a reload is what was saved; taking the holiday away opens the desk again
            console.page().reload();
            assertThat(console.page().getByLabel("The visitor's countdown (seconds)")).hasValue("45");
            // the console's socket comes back after the reload and fetches everything again: what is being edited stays
            console.button("Remove the closed date Founders' Day").click();
            assertThat(console.page().getByText("No closed dates.", new Page.GetByTextOptions().setExact(false))).isVisible();
            console.button("Save").click();
            assertThat(console.page().getByRole(AriaRole.ALERT)).hasCount(0);
            assertThat(console.page().getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Now:"))).hasText("Now: open");
            assertThat(console.errors()).as("the browser's console").isEmpty();
        } finally {
            assertThat(desk.api().call("PUT", "/api/admin/settings", desk.admin(), before).status()).isEqualTo(200);
        }
    }

    @Test
    void anAgentHasNoAdminPages(RunningDesk desk, RunningChromium chromium) {
        Account agent = desk.newAccount("Nora Agent", "agent");
        try (BrowserContext browser = chromium.visitor(1280, 800)) {
            ConsolePage console = ConsolePage.open(browser, desk.url("/admin/"));
            console.signIn(agent.email(), agent.password());
            assertThat(console.link("Inbox")).isVisible();
            assertThat(console.link("Admin")).hasCount(0);
            console.page().navigate(desk.url("/admin/#/admin/routing"));
            assertThat(console.page()).hasURL(Pattern.compile("#/inbox/mine$"));
            assertThat(console.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Routing and hours"))).hasCount(0);
        }
        assertThat(desk.api().call("PUT", "/api/admin/settings", desk.api().login(agent.email(), agent.password()),
                desk.api().get("/api/admin/settings", desk.admin()).body()).status()).isEqualTo(403);
    }
}
