package io.parley.systemtest.console;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.Chromium;
import io.parley.systemtest.support.Chromium.RunningChromium;
import io.parley.systemtest.support.ConsolePage;
import io.parley.systemtest.support.LlmWire;
import io.parley.systemtest.support.WidgetDesk;
import io.parley.systemtest.support.WidgetDesk.Account;
import io.parley.systemtest.support.WidgetDesk.RunningDesk;
import io.parley.systemtest.support.WidgetPage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An admin runs the desk from the console alone, as issue 17 asks, end to end: adds an OpenAI-compatible server
 * (WireMock), tests it, makes it primary and tries a prompt in the playground; imports canned responses from a workbook
 * with two bad rows (sees them, fixes the file, imports) and a visitor is answered by one; keeps business hours that
 * close the desk now and a visitor's widget offers the offline form; invites an agent, who must choose a password at
 * the first sign-in, and deactivates them: their open conversation returns to the queue. Each page's own tests
 * (Admin*IT) go further into each.
 */
@ExtendWith({WidgetDesk.class, Chromium.class})
class AdminConsoleIT {

    @Test
    void anAdminRunsTheDeskFromTheConsoleAlone(RunningDesk desk, RunningChromium chromium) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        desk.answers("Happy to help.", List.of());
        LlmWire.answersAt(desk.llm(), "/walk/v1", "The local model answers " + tag + ".");
        JsonNode settingsBefore = desk.api().get("/api/admin/settings", desk.admin()).body();
        Account admin = desk.newAccount("Wanda Admin " + tag, "admin");
        String agentEmail = "otto-" + tag + "@example.com";
        String agentName = "Otto Invited " + tag;
        try (BrowserContext adminBrowser = chromium.visitor(1280, 900); BrowserContext agentBrowser = chromium.visitor(1280, 800);
             BrowserContext visitorBrowser = chromium.visitor(1280, 800)) {
            ConsolePage console = ConsolePage.open(adminBrowser, desk.url("/admin/"));
            console.signIn(admin.email(), admin.password());
            Page page = console.page();

            // the fleet: an Ollama-like server from the preset, tested, made primary
            open(console, "LLM fleet");
            console.button("Add a configuration").click();
            Locator add = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Add a configuration"));
            add.getByLabel("OpenAI-compatible server (Ollama, vLLM)").check();
            add.getByLabel("Model").fill("walk-" + tag);
            add.getByLabel("Base URL").fill(desk.llm().baseUrl() + "/walk/v1");
            add.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add").setExact(true)).click();
            Locator walk = AdminFleetIT.item(console, "walk-" + tag);
            walk.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Test now")).click();
            assertThat(walk.locator(".health")).containsText("Healthy · ");
            walk.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make primary")).click();
            assertThat(walk.getByRole(AriaRole.HEADING)).containsText("1. OpenAI walk-" + tag + " Primary");

            // the playground answers with the prompt as it is being edited, by the new primary
            open(console, "Assistant");
            page.getByLabel("System prompt").fill("You are the walk's assistant " + tag + ".");
            page.getByLabel("Question, as a visitor").fill("When do you open?");
            console.button("Ask").click();
            assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("The playground’s conversation")))
                    .containsText("The local model answers " + tag + ".");
            assertThat(page.getByText("Answered by openai walk-" + tag + " in")).isVisible();
            desk.llm().verify(1, postRequestedFor(urlEqualTo("/walk/v1/chat/completions")).withRequestBody(containing("walk's assistant " + tag)));
            console.button("Discard changes").click();

            // canned responses from a workbook: two bad rows seen, the file fixed, imported
            open(console, "Canned responses");
            String[][] rows = {
                    {"delivery time " + tag, "Parcels arrive within 3 working days (" + tag + ").", "partial", "Shipping", "", "yes"},
                    {"gift wrap " + tag, "", "exact", "Orders", "", "yes"},
                    {"coupon " + tag, "Coupons are applied at checkout.", "sometimes", "Billing", "", "yes"},
            };
            console.button("Import from Excel").click();
            Locator importing = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Import canned responses from Excel"));
            importing.getByLabel("Workbook (.xlsx)").setInputFiles(workbook(rows));
            // the first workbook since the server started loads POI's classes: some seconds on two busy cores
            assertThat(importing.getByText("1 to create, 0 to update, 0 unchanged, 2 refused."))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
            assertThat(importing.getByText("The response is empty.")).isVisible();
            rows[1][1] = "We wrap it for free.";
            rows[2][2] = "keyword";
            importing.getByLabel("Workbook (.xlsx)").setInputFiles(workbook(rows));
            importing.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Import 3 responses")).click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Imported"))).hasText("Imported: 3 created, 0 updated.");
            try (ChatClient visitor = ChatClient.connect(desk.parley().server().ws("/ws/chat"))) {
                visitor.startSession(Map.of());
                visitor.say("What is the delivery time " + tag + " to Vienna?");
                assertThat(visitor.until("bot_message", data -> true).path("message").path("text").asText())
                        .isEqualTo("Parcels arrive within 3 working days (" + tag + ").");
            }

            // business hours without a single period: closed now, and the widget offers the offline form
            open(console, "Routing and hours");
            page.getByLabel("Keep business hours").check();
            console.button("Save").click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Now:"))).hasText("Now: closed (outside business hours)");
            WidgetPage widget = WidgetPage.open(visitorBrowser, desk.url("/"));
            widget.openChat();
            widget.chat().getByText("Talk to a person").click();
            // the form, and for the reason of the hours (with nobody online it would be offered too, for another)
            assertThat(widget.chat().locator("form.form").first()).containsText("We are outside our opening hours right now.");
            page.getByLabel("Keep business hours").uncheck();
            console.button("Save").click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Now:"))).hasText("Now: open (no business hours are kept)");

            // an agent invited: they must choose their own password before anything else
            open(console, "Users and roles");
            console.button("Invite someone").click();
            Locator invite = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Invite someone"));
            invite.getByLabel("Name").fill(agentName);
            invite.getByLabel("Email").fill(agentEmail);
            invite.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Invite").setExact(true)).click();
            String oneTime = invite.getByLabel("One-time password").inputValue();
            invite.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done")).click();
            ConsolePage agent = ConsolePage.open(agentBrowser, desk.url("/admin/"));
            agent.signIn(agentEmail, oneTime);
            assertThat(agent.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choose your password"))).isVisible();
            String chosen = "Otto's own passphrase " + tag;
            agent.choosePassword(oneTime, chosen);
            agent.button("Online").click();
            assertThat(agent.button("Online")).hasAttribute("aria-pressed", "true");

            // a visitor is given to them; deactivated, their conversation goes back to the queue
            try (ChatClient visitor = ChatClient.connect(desk.parley().server().ws("/ws/chat"))) {
                String session = WidgetDesk.asksForAPerson(visitor, "Vic Visitor " + tag);
                assertThat(agent.conversations()).hasCount(1);
                page.getByLabel("Search by name or email").fill(agentEmail);
                console.link(agentName).click();
                console.button("Deactivate").click();
                page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Deactivate " + agentName + "?"))
                        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deactivate")).click();
                assertThat(agent.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to Parley"))).isVisible();
                console.link("Inbox").click();
                console.link("Unassigned").click();
                assertThat(console.conversations().filter(new Locator.FilterOptions().setHasText("Vic Visitor " + tag)))
                        .containsText("Waiting for a person");
                assertThat(desk.sessionOf(session).path("status").asText()).isEqualTo("waiting_agent");
                // no conversation of this test waits in the shared desk's queue for the next test's agents
                visitor.request("end_session", Map.of());
            }
            assertThat(console.errors()).as("the admin's browser's console").isEmpty();
        } finally {
            assertThat(desk.api().call("PUT", "/api/admin/settings", desk.admin(), settingsBefore).status()).isEqualTo(200);
            JsonNode fleet = desk.api().get("/api/admin/llm-configs", desk.admin()).body();
            fleet.forEach(config -> {
                if (config.path("model").asText().equals("walk-" + tag)) {
                    desk.api().call("DELETE", "/api/admin/llm-config/" + config.path("id").asText(), desk.admin(), null);
                }
            });
            desk.api().get("/api/canned-responses?q=" + tag + "&size=50", desk.admin()).body().path("items")
                    .forEach(response -> desk.api().call("DELETE", "/api/canned-responses/" + response.path("id").asText(), desk.admin(), null));
        }
    }

    /** Goes to one of the admin's pages by the list beside them. */
    private static void open(ConsolePage console, String name) {
        console.link("Admin").click();
        console.link(name).click();
        assertThat(console.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setLevel(1))).isVisible();
    }

    private static FilePayload workbook(String[][] rows) {
        return new FilePayload("responses.xlsx", AdminCannedResponsesIT.XLSX, AdminCannedResponsesIT.workbook(rows));
    }
}
