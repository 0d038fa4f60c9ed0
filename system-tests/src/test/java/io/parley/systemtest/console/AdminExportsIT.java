package io.parley.systemtest.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.Chromium;
import io.parley.systemtest.support.Chromium.RunningChromium;
import io.parley.systemtest.support.ConsolePage;
import io.parley.systemtest.support.WidgetDesk;
import io.parley.systemtest.support.WidgetDesk.Account;
import io.parley.systemtest.support.WidgetDesk.RunningDesk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin's "Exports" page: the conversations the inbox's search and filters find, downloaded as CSV or JSON by a
 * link the browser follows (valid for a minute, and for nothing else).
 */
@ExtendWith({WidgetDesk.class, Chromium.class})
class AdminExportsIT {

    @Test
    void theConversationsFoundDownloadAsCsvAndAsJson(RunningDesk desk, RunningChromium chromium) throws IOException {
        desk.answers("Glad to help.", List.of());
        String marker = "export" + UUID.randomUUID().toString().substring(0, 6);
        talk(desk, "Vera " + marker, "Where is parcel " + marker + "?");
        talk(desk, "Otto Other", "Something else entirely");
        Account admin = desk.newAccount("Edda Admin", "admin");
        try (BrowserContext browser = chromium.visitor(1280, 900)) {
            ConsolePage console = ConsolePage.open(browser, desk.url("/admin/"));
            console.signIn(admin.email(), admin.password());
            console.link("Admin").click();
            console.link("Exports").click();
            assertThat(console.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Exports"))).isVisible();
            console.page().getByLabel("Visitor's name or e-mail").fill(marker);
            console.page().getByLabel("Status", new Page.GetByLabelOptions().setExact(true)).selectOption("With the assistant");
            console.screenshot("console-admin-exports");
            console.assertAccessible("exports");

            String csv = downloaded(console, "parley-sessions.csv");
            assertThat(csv.lines().findFirst()).hasValueSatisfying(header -> assertThat(header).startsWith("session_id,"));
            assertThat(csv).contains("Where is parcel " + marker + "?", "Glad to help.").doesNotContain("Something else entirely");
            assertThat(console.page().getByText("The download has started")).isVisible();

            console.page().getByLabel("JSON, one object per conversation (for programs)").check();
            JsonNode json = ChatClient.JSON.readTree(downloaded(console, "parley-sessions.json"));
            assertThat(json).hasSize(1);
            assertThat(json.get(0).path("session").path("visitor").path("name").asText()).isEqualTo("Vera " + marker);

            // nothing found is an empty file, not an error
            console.page().getByLabel("Status", new Page.GetByLabelOptions().setExact(true)).selectOption("Resolved");
            assertThat(ChatClient.JSON.readTree(downloaded(console, "parley-sessions.json"))).isEmpty();
            assertThat(console.errors()).as("the browser's console").isEmpty();
        }
    }

    @Test
    void aLinkIsForOneAdminsExportAndForNothingElse(RunningDesk desk) {
        Account admin = desk.newAccount("Link Admin", "admin");
        Api api = desk.api();
        String token = api.login(admin.email(), admin.password());
        Api.Reply link = api.post("/api/admin/sessions/export/link", token, Map.of("format", "csv"));
        assertThat(link.status()).isEqualTo(200);
        String url = link.body().path("url").asText();
        assertThat(url).startsWith("/api/admin/sessions/export/");
        assertThat(api.get(url, null).status()).as("followed without a sign-in").isEqualTo(200);

        String ticket = url.substring(url.lastIndexOf('/') + 1);
        assertThat(api.get("/api/admin/sessions", ticket).status()).as("the ticket as a sign-in").isEqualTo(401);
        assertThat(api.get("/api/admin/sessions/export/" + token, null).status()).as("a sign-in as a ticket").isEqualTo(404);
        assertThat(api.get(url.substring(0, url.length() - 2) + "xx", null).status()).as("a ticket altered").isEqualTo(404);
        assertThat(api.post("/api/admin/sessions/export/link", token, Map.of("format", "xml")).status()).isEqualTo(400);

        // signing out everywhere ends the links made before
        assertThat(api.call("POST", "/api/me/sign-out-everywhere", token, null).status()).isEqualTo(204);
        Api.Reply ended = api.get(url, null);
        assertThat(ended.status()).isEqualTo(404);
        assertThat(ended.detail()).contains("no longer valid");
    }

    private static void talk(RunningDesk desk, String name, String question) {
        try (ChatClient visitor = ChatClient.connect(desk.parley().server().ws("/ws/chat"))) {
            visitor.startSession(Map.of("name", name));
            visitor.say(question);
            visitor.until("bot_message", frame -> true);
        }
    }

    /** Clicks "Download" and reads the file the browser saved, named as the server named it. */
    private static String downloaded(ConsolePage console, String filename) throws IOException {
        Download download = console.page().waitForDownload(() -> console.button("Download").click());
        assertThat(download.suggestedFilename()).isEqualTo(filename);
        return Files.readString(download.path(), StandardCharsets.UTF_8);
    }
}
