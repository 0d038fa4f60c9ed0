package io.parley.systemtest.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.Chromium;
import io.parley.systemtest.support.Chromium.RunningChromium;
import io.parley.systemtest.support.ConsolePage;
import io.parley.systemtest.support.ParleyEnvironment;
import io.parley.systemtest.support.WidgetDesk;
import io.parley.systemtest.support.WidgetDesk.RunningDesk;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The System page: the version of this build, the database (MariaDB here, a server), health in words, the one node,
 * the allowed origins and the TLS setting — and nothing secret, in the page or in what the server answers.
 */
@ExtendWith({WidgetDesk.class, Chromium.class})
class AdminSystemIT {

    @Test
    void theSystemPageShowsVersionDatabaseHealthTheNodeOriginsAndTls(RunningDesk desk, RunningChromium chromium) {
        try (BrowserContext browser = chromium.visitor(1280, 900)) {
            ConsolePage console = ConsolePage.open(browser, desk.url("/admin/"));
            console.signIn(ParleyEnvironment.ADMIN_EMAIL, ParleyEnvironment.ADMIN_PASSWORD);
            console.link("Admin").click();
            console.link("System").click();
            assertThat(console.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("System").setLevel(1))).isVisible();
            assertThat(fact(console, "Version")).hasText(System.getProperty("parley.version"));
            assertThat(fact(console, "Database")).containsText("MariaDB");
            assertThat(fact(console, "Database")).containsText("a database server");
            assertThat(fact(console, "Health")).containsText("Ready: Parley takes requests.");
            assertThat(fact(console, "Health")).containsText("Database: working");
            assertThat(fact(console, "Health")).containsText("Signing in to the console: working");
            // Payara Micro runs its data grid even with --nocluster: this node alone in it
            assertThat(fact(console, "Cluster")).containsText("One member in the data grid.");
            assertThat(fact(console, "Cluster").getByRole(AriaRole.LISTITEM)).hasCount(1);
            assertThat(fact(console, "Cluster").getByRole(AriaRole.LISTITEM)).containsText("this node");
            assertThat(fact(console, "Allowed origins")).containsText("Console (CORS_ALLOWED_ORIGINS): Parley's own address only");
            assertThat(fact(console, "Allowed origins")).containsText("Widget (WIDGET_ALLOWED_ORIGINS): Every site");
            assertThat(fact(console, "TLS (FORCE_TLS)")).containsText("Not required");
            console.screenshot("console-admin-system");
            console.assertAccessible("the system page");
            assertThat(console.errors()).as("the browser's console").isEmpty();
        }
    }

    @Test
    void theOverviewHoldsNoSecretAndOnlyAdminsReadIt(RunningDesk desk) {
        Api.Reply overview = desk.api().get("/api/admin/system", desk.admin());
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body().path("version").asText()).isEqualTo(System.getProperty("parley.version"));
        assertThat(overview.body().path("database").path("embedded").asBoolean()).isFalse();
        assertThat(overview.body().path("cluster").path("members")).hasSize(1);
        String raw = overview.raw().toLowerCase(Locale.ROOT);
        assertThat(raw).doesNotContain("password", "secret", "token", "key", "jdbc:", "sk-test");
        List<String> secrets = List.of(ParleyEnvironment.ADMIN_PASSWORD, desk.admin(), desk.parley().database().environment().get("DB_PASSWORD"),
                desk.parley().database().environment().get("DB_USER"), desk.parley().database().environment().get("DB_URL"));
        secrets.forEach(secret -> assertThat(overview.raw()).doesNotContain(secret));

        String[] agent = desk.newAgent("Agent of the system test");
        assertThat(desk.api().get("/api/admin/system", agent[1]).status()).isEqualTo(403);
        assertThat(desk.api().get("/api/admin/system", null).status()).isEqualTo(401);
    }

    /** What the page says after {@code term}. */
    private static Locator fact(ConsolePage console, String term) {
        return console.page().locator("dl.facts > div").filter(new Locator.FilterOptions()
                .setHas(console.page().getByRole(AriaRole.TERM).filter(new Locator.FilterOptions().setHasText(term)))).locator("dd");
    }
}
