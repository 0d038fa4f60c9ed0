package io.parley.systemtest.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.Chromium;
import io.parley.systemtest.support.Chromium.RunningChromium;
import io.parley.systemtest.support.ConsolePage;
import io.parley.systemtest.support.OnTheParleyWithShortTimers;
import io.parley.systemtest.support.ParleyWithShortTimers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agent's status as a screen reader user hears it: each change, whether the agent made it in the header or Parley
 * did (set away for an offer they did not take up), is said in a polite live region. On the Parley with short timers,
 * where an offer lapses after {@value ParleyWithShortTimers#ACCEPT_TIMEOUT_SECONDS} s.
 */
@ExtendWith(Chromium.class)
class ConsolePresenceIT extends OnTheParleyWithShortTimers {

    /** The lapse, and the moment routing's clock notices it. */
    private static final LocatorAssertions.IsVisibleOptions AFTER_THE_LAPSE = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(ParleyWithShortTimers.ACCEPT_TIMEOUT_SECONDS * 4_000);

    @Test
    void everyChangeOfStatusIsSaidPolitelyWhetherTheAgentOrParleyMadeIt(RunningChromium chromium) {
        String email = "cleo-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "agent of the presence test";
        api.createUser(admin, email, password, "agent");
        try (BrowserContext browser = chromium.visitor(1280, 800); ChatClient visitor = ChatClient.connect(parley.server().ws("/ws/chat"))) {
            ConsolePage console = ConsolePage.open(browser, parley.server().http("/admin/").toString());
            console.signIn(email, password);
            console.button("Away").click();
            assertThat(said(console, "You are now away.")).isVisible();
            console.button("Online").click();
            assertThat(said(console, "You are now online.")).isVisible();

            // routing offers Cleo the visitor; she never opens the conversation, so Parley sets her away
            visitor.startSession(Map.of("name", "Lapsing"));
            assertThat(visitor.request("request_agent", Map.of()).path("status").asText()).isEqualTo("assigned");
            assertThat(said(console, "A conversation offered to you was not taken up in time, so Parley set you away.")).isVisible(AFTER_THE_LAPSE);
            assertThat(console.button("Away")).hasAttribute("aria-pressed", "true");
            assertThat(console.button("Online")).hasAttribute("aria-pressed", "false");

            console.button("Offline").click();
            assertThat(said(console, "You are now offline.")).isVisible();
            visitor.request("end_session", Map.of());
            assertThat(console.errors()).as("the browser's console").isEmpty();
        } finally {
            api.call("PUT", "/api/agents/me/status", api.login(email, password), Map.of("status", "offline"));
        }
    }

    /** The live region, when it says {@code words}: a status, which screen readers read out when they are done speaking. */
    private static Locator said(ConsolePage console, String words) {
        return console.page().getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText(words));
    }
}
