package io.parley.systemtest.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Users and roles in the console, as an admin runs them: inviting an agent, who must choose a password before anything
 * else; deactivating them while a visitor talks to them (signed out at once, the conversation back in the queue) and
 * reactivating them; changing their roles and reading the history; resetting their password.
 */
@ExtendWith({WidgetDesk.class, Chromium.class})
class AdminUsersIT {

    private static final String CHOSEN = "Ivy's own passphrase 42";

    @Test
    void anAdminInvitesAnAgentWhoChoosesAPasswordWorksIsDeactivatedReactivatedPromotedAndGivenANewPassword(RunningDesk desk,
                                                                                                        RunningChromium chromium) {
        desk.answers("Happy to help.", List.of());
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Account admin = desk.newAccount("Audrey Admin " + tag, "admin");
        String ivyEmail = "ivy-" + tag + "@example.com";
        String ivyName = "Ivy Invited " + tag;
        try (BrowserContext adminBrowser = chromium.visitor(1280, 900); BrowserContext ivyBrowser = chromium.visitor(1280, 800);
             ChatClient visitor = ChatClient.connect(desk.parley().server().ws("/ws/chat"))) {
            ConsolePage console = ConsolePage.open(adminBrowser, desk.url("/admin/"));
            console.signIn(admin.email(), admin.password());
            console.link("Admin").click();
            console.link("Users and roles").click();
            assertThat(console.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Users and roles").setLevel(1))).isVisible();

            // the invitation: Parley generates the password and shows it once
            console.button("Invite someone").click();
            Locator invite = console.page().getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Invite someone"));
            invite.getByLabel("Name").fill(ivyName);
            invite.getByLabel("Email").fill(ivyEmail);
            assertThat(invite.getByLabel("agent")).isChecked();
            assertThat(invite.getByLabel("Let Parley generate a password")).isChecked();
            console.assertAccessible("the invitation");
            invite.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Invite").setExact(true)).click();
            assertThat(invite.getByRole(AriaRole.STATUS)).containsText("Give this password to " + ivyName + ". It is shown only this once");
            String oneTime = invite.getByLabel("One-time password").inputValue();
            assertThat(oneTime).isNotBlank();
            assertThat(oneTime).hasSizeGreaterThanOrEqualTo(12);
            assertThat(invite.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy"))).isVisible();
            console.assertAccessible("the one-time password");
            invite.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done")).click();

            console.page().getByLabel("Search by name or email").fill("ivy-" + tag);
            Locator rows = console.page().getByRole(AriaRole.TABLE).getByRole(AriaRole.ROW);
            assertThat(rows).hasCount(2); // the heading's and Ivy's
            assertThat(rows.nth(1)).containsText(ivyEmail);
            assertThat(rows.nth(1)).containsText("has not chosen a password yet");
            console.page().getByLabel("Search by name or email").fill(tag);
            assertThat(rows).hasCount(3); // Audrey and Ivy
            console.screenshot("console-admin-users");
            console.assertAccessible("the list of people");

            // Ivy signs in with it and must choose her own before anything else
            String ivyId = desk.api().get("/api/admin/users?q=ivy-" + tag, desk.admin()).body().path("items").get(0).path("id").asText();
            assertThat(desk.api().get("/api/admin/sessions?view=mine", desk.api().login(ivyEmail, oneTime)).status())
                    .as("anything but choosing the password").isEqualTo(403);
            ConsolePage ivy = ConsolePage.open(ivyBrowser, desk.url("/admin/"));
            ivy.signIn(ivyEmail, oneTime);
            assertThat(ivy.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choose your password"))).isVisible();
            assertThat(ivy.page().getByText("You signed in with a password Parley chose.")).isVisible();
            ivy.page().navigate(desk.url("/admin/#/inbox/mine"));
            assertThat(ivy.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choose your password"))).isVisible();
            ivy.choosePassword(oneTime, CHOSEN);
            ivy.button("Online").click();
            assertThat(ivy.button("Online")).hasAttribute("aria-pressed", "true");

            // a visitor asks for a person and reaches Ivy, who takes the conversation up
            String session = WidgetDesk.asksForAPerson(visitor, "Vera Visitor " + tag);
            assertThat(ivy.conversations()).hasCount(1);
            ivy.conversations().first().click();
            assertThat(ivy.reply()).isVisible();
            assertThat(desk.sessionOf(session).path("assignedAgentId").asText()).isEqualTo(ivyId);

            // the admin deactivates her: she is signed out with the reason, and the visitor waits in the queue again
            openPerson(console, "ivy-" + tag, ivyName);
            console.button("Deactivate").click();
            Locator confirm = console.page().getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Deactivate " + ivyName + "?"));
            assertThat(confirm).containsText("Every open conversation of theirs goes back to the queue");
            console.assertAccessible("asking before deactivating");
            confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deactivate")).click();
            assertThat(console.page().getByText(ivyName + " is deactivated.")).isVisible();
            assertThat(ivy.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to Parley"))).isVisible();
            assertThat(ivy.page().getByRole(AriaRole.STATUS)).hasText("Your account has been deactivated. Ask an admin.");
            JsonNode queued = desk.sessionOf(session);
            assertThat(queued.path("status").asText()).isEqualTo("waiting_agent");
            assertThat(queued.path("assignedAgentId").isMissingNode() || queued.path("assignedAgentId").isNull()).as("nobody's").isTrue();
            assertThat(desk.api().post("/api/auth/login", null, Map.of("email", ivyEmail, "password", CHOSEN)).status()).isEqualTo(401);
            console.link("Inbox").click();
            console.link("Unassigned").click();
            assertThat(console.conversations().filter(new Locator.FilterOptions().setHasText("Vera Visitor " + tag)))
                    .containsText("Waiting for a person");
            openPerson(console, "ivy-" + tag, ivyName);

            // reactivated, she can sign in again
            console.button("Reactivate").click();
            assertThat(console.page().getByText(ivyName + " can sign in again.")).isVisible();
            assertThat(desk.api().post("/api/auth/login", null, Map.of("email", ivyEmail, "password", CHOSEN)).status()).isEqualTo(200);

            // promoted to admin too: the history says so, and who did it
            assertThat(console.page().getByText("Their roles have not changed since they were added.")).isVisible();
            console.page().getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Roles")).getByLabel("admin").check();
            console.button("Save roles").click();
            assertThat(console.page().getByText("Roles saved.")).isVisible();
            Locator history = console.page().getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Role history")).getByRole(AriaRole.LISTITEM);
            assertThat(history).hasCount(1);
            assertThat(history.first()).containsText("agent → admin, agent, by Audrey Admin " + tag);
            assertThat(desk.api().get("/api/admin/users/" + ivyId, desk.admin()).body().path("roles")).hasSize(2);
            console.screenshot("console-admin-user-detail");
            console.assertAccessible("a person's detail");

            // a new password: the old one stops working, and the new one must be changed at the next sign-in
            console.button("Reset password").click();
            Locator reset = console.page().getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Reset the password of " + ivyName + "?"));
            reset.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reset the password")).click();
            String another = reset.getByLabel("One-time password").inputValue();
            reset.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done")).click();
            assertThat(desk.api().post("/api/auth/login", null, Map.of("email", ivyEmail, "password", CHOSEN)).status()).isEqualTo(401);
            Api.Reply signedIn = desk.api().post("/api/auth/login", null, Map.of("email", ivyEmail, "password", another));
            assertThat(signedIn.status()).isEqualTo(200);
            assertThat(signedIn.body().path("user").path("mustChangePassword").asBoolean()).isTrue();

            // nobody deactivates themself
            console.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to everyone")).click();
            console.link("Audrey Admin " + tag).click();
            assertThat(console.button("Deactivate")).isDisabled();
            String audrey = desk.api().login(admin.email(), admin.password());
            String audreyId = desk.api().get("/api/me", audrey).body().path("user").path("id").asText();
            Api.Reply self = desk.api().call("PUT", "/api/admin/users/" + audreyId + "/active", audrey, Map.of("active", false));
            assertThat(self.status()).isEqualTo(409);
            assertThat(self.detail()).isEqualTo("You cannot deactivate yourself: another admin can");
            assertThat(console.errors()).as("the browser's console").isEmpty();
            assertThat(ivy.errors()).as("Ivy's browser's console").isEmpty();
            // Vera leaves: no conversation of this test waits in the shared desk's queue for the next test's agents
            visitor.request("end_session", Map.of());
        }
    }

    @Test
    void aDeactivatedAgentsConversationGoesAtOnceToAnotherAgentOnline(RunningDesk desk) {
        desk.answers("Happy to help.", List.of());
        String[] ann = desk.newAgent("Ann Leaving");
        String[] ben = desk.newAgent("Ben Staying");
        try (ChatClient visitor = ChatClient.connect(desk.parley().server().ws("/ws/chat"));
             WidgetDesk.OnlineAgent leaving = desk.onlineAgent(ann[1])) {
            String session = WidgetDesk.asksForAPerson(visitor, "Walter Waiting");
            assertThat(desk.sessionOf(session).path("assignedAgentId").asText()).isEqualTo(ann[0]);
            try (WidgetDesk.OnlineAgent staying = desk.onlineAgent(ben[1])) {
                assertThat(desk.api().call("PUT", "/api/admin/users/" + ann[0] + "/active", desk.admin(), Map.of("active", false)).status())
                        .isEqualTo(200);
                assertThat(desk.sessionOf(session).path("assignedAgentId").asText()).as("Ben's now").isEqualTo(ben[0]);
                assertThat(leaving.socket().awaitClose(Duration.ofSeconds(5)).reason()).isEqualTo("account deactivated");
            }
        }
    }

    /** From anywhere in the console to a person's page, as an admin goes there: the list, a search, their name. */
    private static void openPerson(ConsolePage console, String search, String name) {
        console.link("Admin").click();
        console.link("Users and roles").click();
        console.page().getByLabel("Search by name or email").fill(search);
        console.link(name).click();
        assertThat(console.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))).isVisible();
    }

    @Test
    void anInvitationWithATypedPasswordAndWrongInputSayWhatIsWrong(RunningDesk desk, RunningChromium chromium) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Account admin = desk.newAccount("Abe Admin " + tag, "admin");
        try (BrowserContext browser = chromium.visitor(1280, 900)) {
            ConsolePage console = ConsolePage.open(browser, desk.url("/admin/#/admin/users"));
            console.signIn(admin.email(), admin.password());
            console.link("Admin").click();
            console.link("Users and roles").click();
            console.button("Invite someone").click();
            Locator invite = console.page().getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Invite someone"));
            invite.getByLabel("Name").fill("Tom Typed " + tag);
            invite.getByLabel("Email").fill(admin.email());
            invite.getByLabel("Type a password").check();
            invite.getByLabel("Password for them").fill("typed by the admin " + tag);
            invite.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Invite").setExact(true)).click();
            assertThat(invite.getByRole(AriaRole.ALERT)).hasText("There is already a user " + admin.email());

            invite.getByLabel("Email").fill("tom-" + tag + "@example.com");
            invite.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Invite").setExact(true)).click();
            assertThat(invite.getByRole(AriaRole.STATUS)).hasText("Tom Typed " + tag + " can sign in with the password you typed, and must choose their own at once.");
            assertThat(invite.getByLabel("One-time password")).hasCount(0);
            Api.Reply tom = desk.api().post("/api/auth/login", null, Map.of("email", "tom-" + tag + "@example.com", "password", "typed by the admin " + tag));
            assertThat(tom.body().path("user").path("mustChangePassword").asBoolean()).isTrue();
            assertThat(console.errors()).as("the browser's console").isEmpty();
        }
    }
}
