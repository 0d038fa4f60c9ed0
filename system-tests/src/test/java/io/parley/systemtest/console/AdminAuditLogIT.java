package io.parley.systemtest.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.Chromium;
import io.parley.systemtest.support.Chromium.RunningChromium;
import io.parley.systemtest.support.ConsolePage;
import io.parley.systemtest.support.WidgetDesk;
import io.parley.systemtest.support.WidgetDesk.Account;
import io.parley.systemtest.support.WidgetDesk.RunningDesk;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit log in the console: an admin's changes appear in words, filtered by who, what and when, a page at a time,
 * each entry opened in full.
 */
@ExtendWith({WidgetDesk.class, Chromium.class})
class AdminAuditLogIT {

    /** One more than a page of the console's audit log (25), and a few. */
    private static final int ROLE_CHANGES = 28;

    @Test
    void anAdminsChangesAppearFilteredByWhoWhatAndWhenPageByPageAndOpenInFull(RunningDesk desk, RunningChromium chromium) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Account auditor = desk.newAccount("Otto Auditor " + tag, "admin");
        String token = desk.api().login(auditor.email(), auditor.password());
        // Otto invites an agent, changes her roles back and forth, and deactivates her: 1 + 28 + 1 entries of his
        Api.Reply invited = desk.api().post("/api/admin/users", token, Map.of("name", "Pia Paged " + tag,
                "email", "pia-" + tag + "@example.com", "roles", List.of("agent")));
        assertThat(invited.status()).isEqualTo(201);
        String pia = invited.body().path("user").path("id").asText();
        // entries of one second are in no particular order where the database keeps no fractions of a second (MariaDB
        // through Connector/J, docs/operations.md): the first and the last change each have a second of their own
        WidgetDesk.aSecondLater();
        for (int change = 0; change < ROLE_CHANGES; change++) {
            List<String> roles = change % 2 == 0 ? List.of("agent", "admin") : List.of("agent");
            assertThat(desk.api().call("PUT", "/api/admin/users/" + pia + "/roles", token, Map.of("roles", roles)).status()).isEqualTo(200);
        }
        WidgetDesk.aSecondLater();
        assertThat(desk.api().call("PUT", "/api/admin/users/" + pia + "/active", token, Map.of("active", false)).status()).isEqualTo(200);
        int total = 1 + ROLE_CHANGES + 1;

        try (BrowserContext browser = chromium.visitor(1280, 900)) {
            ConsolePage console = ConsolePage.open(browser, desk.url("/admin/"));
            console.signIn(auditor.email(), auditor.password());
            console.link("Admin").click();
            console.link("Audit log").click();
            assertThat(console.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Audit log").setLevel(1))).isVisible();
            Locator rows = console.page().getByRole(AriaRole.TABLE).getByRole(AriaRole.ROW);
            // newest first, in words
            assertThat(rows.nth(1)).containsText("Deactivated a person");
            assertThat(rows.nth(1)).containsText(auditor.email());

            // who: Otto's own entries, a page of 25 and then the rest
            console.page().getByLabel("Who").selectOption(new SelectOption().setLabel("Otto Auditor " + tag + " (" + auditor.email() + ")"));
            assertThat(console.page().getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pages of the audit log")))
                    .containsText("1–25 of " + total);
            assertThat(rows).hasCount(1 + 25);
            console.screenshot("console-admin-audit");
            console.assertAccessible("the audit log");
            console.button("Next").click();
            assertThat(console.page().getByText("26–" + total + " of " + total)).isVisible();
            assertThat(rows).hasCount(1 + total - 25);
            assertThat(rows.last()).containsText("Invited a person"); // the oldest, last
            assertThat(console.button("Next")).isDisabled();
            console.button("Previous").click();
            assertThat(console.page().getByText("1–25 of " + total)).isVisible();

            // what: only the deactivation
            console.page().getByLabel("What").selectOption(new SelectOption().setLabel("Deactivated a person"));
            assertThat(rows).hasCount(2);
            assertThat(console.page().getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pages of the audit log"))).hasCount(0);

            // when: today has it, tomorrow nothing yet (days in the browser's time zone, which is this machine's)
            LocalDate today = LocalDate.now();
            console.page().getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill(today.toString());
            console.page().getByLabel("Until").fill(today.toString());
            assertThat(rows).hasCount(2);
            console.page().getByLabel("Until").fill("");
            console.page().getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill(today.plusDays(1).toString());
            assertThat(console.page().getByText("No entry matches the filters. Clear them or choose other days.")).isVisible();
            console.button("Clear filters").click();
            assertThat(console.page().getByLabel("Who")).hasValue("");
            assertThat(rows.nth(1)).containsText("Deactivated a person");

            // an entry in full: who, what, on what, exactly when, the detail
            console.page().getByLabel("What").selectOption(new SelectOption().setLabel("Changed roles"));
            console.page().getByLabel("Who").selectOption(new SelectOption().setLabel("Otto Auditor " + tag + " (" + auditor.email() + ")"));
            rows.filter(new Locator.FilterOptions().setHasText("[AGENT] -> [ADMIN, AGENT]")).first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Details")).click();
            Locator entry = console.page().getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Audit log entry"));
            assertThat(entry).containsText("Changed roles");
            assertThat(entry).containsText("user.roles");
            assertThat(entry).containsText(auditor.email());
            // on whom, by name (with the id the log keeps)
            assertThat(entry).containsText("Pia Paged " + tag + " (" + pia + ")");
            assertThat(entry).containsText("[AGENT] -> [ADMIN, AGENT]");
            assertThat(entry).containsText(String.valueOf(today.getYear()));
            console.assertAccessible("an audit log entry");
            entry.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();
            assertThat(entry).hasCount(0);
            assertThat(console.errors()).as("the browser's console").isEmpty();
        }
    }

    @Test
    void theActionsToFilterByAreThoseTheLogHoldsAndOnlyAdminsReadThem(RunningDesk desk) {
        Api.Reply actions = desk.api().get("/api/admin/audit/actions", desk.admin());
        assertThat(actions.status()).isEqualTo(200);
        assertThat(actions.body()).anySatisfy(action -> assertThat(action.asText()).isEqualTo("llm-config.create"));
        String[] agent = desk.newAgent("Agent of the audit test");
        assertThat(desk.api().get("/api/admin/audit/actions", agent[1]).status()).isEqualTo(403);
        assertThat(desk.api().get("/api/admin/audit/actions", null).status()).isEqualTo(401);
    }
}
