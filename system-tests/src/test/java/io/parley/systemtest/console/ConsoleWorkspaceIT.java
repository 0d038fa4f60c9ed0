package io.parley.systemtest.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.Chromium;
import io.parley.systemtest.support.Chromium.RunningChromium;
import io.parley.systemtest.support.ConsolePage;
import io.parley.systemtest.support.Images;
import io.parley.systemtest.support.ParleyEnvironment;
import io.parley.systemtest.support.WidgetDesk;
import io.parley.systemtest.support.WidgetDesk.Account;
import io.parley.systemtest.support.WidgetDesk.RunningDesk;
import io.parley.systemtest.support.WidgetPage;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's workspace in the console, used in Chromium as an agent uses it: signing in, going online, a visitor's
 * request arriving live, answering, a note the visitor never sees, the connection dropping and coming back without a
 * message missing or shown twice, resolving; staying signed in across a reload, and being signed out everywhere.
 */
@ExtendWith({WidgetDesk.class, Chromium.class})
class ConsoleWorkspaceIT {

    /** Long enough for the console and the widget to reconnect after a cut (their pauses grow to a few seconds). */
    private static final LocatorAssertions.HasCountOptions AFTER_RECONNECTING = new LocatorAssertions.HasCountOptions().setTimeout(20_000);

    /** The first answer of a server just started may take longer than Playwright's five seconds (nothing is warm yet). */
    private static final LocatorAssertions.HasCountOptions FIRST_ANSWER = new LocatorAssertions.HasCountOptions().setTimeout(20_000);

    /** Issue 16's walk through the workspace, from a visitor asking for a person to their rating, in one go. */
    @Test
    void aVisitorReachesAnAgentWhoAnswersWithCannedWordsANoteAndAMarkedImageMissesNothingOverACutAndIsRated(RunningDesk desk,
                                                                                                           RunningChromium chromium) {
        desk.answers("Happy to help.", List.of());
        desk.summarises("Asked for a person right away; the assistant offered to help.");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String greeting = "Hi, I am Ada. How can I help? (" + tag + ")";
        desk.cannedResponse("hello " + tag, greeting);
        Account ada = desk.newAccount("Ada Console", "agent");
        try (BrowserContext agentBrowser = chromium.visitor(1280, 800); BrowserContext visitorBrowser = chromium.visitor(1280, 800)) {
            ConsolePage console = ConsolePage.open(agentBrowser, desk.url("/admin/"));
            assertThat(console.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to Parley"))).isVisible();
            console.screenshot("console-sign-in");
            console.assertAccessible("the sign-in page");
            console.signIn(ada.email(), ada.password());
            console.button("Online").click();
            assertThat(console.button("Online")).hasAttribute("aria-pressed", "true");
            assertThat(console.page().getByText("No conversation is yours right now.")).isVisible();
            console.assertAccessible("the empty inbox");

            WidgetPage widget = WidgetPage.open(visitorBrowser, desk.url("/"));
            widget.openChat();
            widget.say("I need a person");
            assertThat(widget.stored()).hasCount(2, FIRST_ANSWER);
            widget.chat().getByText("Talk to a person").click();
            String session = widget.sessionId();

            // routing offers it to Ada, who is online: she is told, and it appears in her view without a reload
            Locator bell = console.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Notifications")));
            assertThat(bell).hasAccessibleName("Notifications, 2 unread");
            assertThat(console.conversations()).hasCount(1);
            assertThat(console.conversations().first()).containsText("With an agent");
            console.screenshot("console-inbox");
            console.assertAccessible("the inbox with a conversation");
            console.conversations().first().click();
            assertThat(console.transcript().nth(0)).containsText("I need a person");
            assertThat(console.transcript().nth(1)).containsText("Happy to help.");
            assertThat(widget.chat().locator(".from-system").last()).containsText("Ada Console");
            assertThat(console.transcript().last()).containsText("Ada Console"); // the notice the visitor sees, the agent sees too
            assertThat(console.conversations().first()).not().containsText("waiting"); // taken up: the visitor waits no more
            // the fleet's summary of the visitor's talk with the assistant, at the top
            assertThat(console.page().getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Summary at handoff")))
                    .containsText("Asked for a person right away; the assistant offered to help.");

            // canned words on "/", inserted with Enter, sent with Enter
            console.reply().pressSequentially("/hello " + tag);
            assertThat(console.page().getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName("Canned responses"))
                    .getByRole(AriaRole.OPTION)).hasCount(1);
            console.reply().press("Enter");
            assertThat(console.reply()).hasValue(greeting);
            console.reply().press("Enter");
            assertThat(widget.chat().locator(".from-agent").last()).containsText(greeting);
            assertThat(console.reply()).hasValue("");

            console.page().getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Internal note")).check();
            console.page().getByLabel("Note for the agents").fill("Customer on the premium plan");
            console.page().getByLabel("Note for the agents").press("Enter");
            Locator note = console.transcript().filter(new Locator.FilterOptions().setHasText("Customer on the premium plan"));
            assertThat(note).containsText("Internal note · only agents see this");
            console.page().getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Reply")).check();

            // the visitor's screenshot goes back to them with a mark on it
            widget.chat().locator("input[type=file]").setInputFiles(new FilePayload("screen.png", "image/png", Images.png(400, 300, Color.WHITE)));
            assertThat(console.page().getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Image from the visitor"))).isVisible();
            console.button("Annotate and send back").click();
            Locator dialog = console.page().getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Send an image"));
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Arrow")).click();
            drag(console, dialog, 60, 60, 220, 160);
            dialog.getByLabel("Message with the image").fill("Press here");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send image")).click();
            assertThat(dialog).hasCount(0);
            Locator sentBack = widget.chat().locator(".from-agent").filter(new Locator.FilterOptions().setHasText("Press here"));
            assertThat(sentBack.locator("img")).isVisible();
            assertThat(sentBack.locator("img").evaluate("img => img.decode().then(() => img.naturalWidth)")).as("the marked image").isEqualTo(400);

            widget.say("Thanks, Ada");
            assertThat(console.transcript().last()).containsText("Thanks, Ada");
            assertThat(widget.chat().getByText("premium plan")).hasCount(0);
            console.screenshot("console-conversation");
            console.assertAccessible("a conversation with a note");

            desk.relay().refuse(true);
            assertThat(console.page().getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("connection to Parley was lost"))).isVisible();
            console.assertAccessible("the console reconnecting");
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
            Locator messages = console.page().getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Messages")).locator("li.message");
            assertThat(messages).hasCount(stored.size());
            List<String> shown = new ArrayList<>();
            for (Locator message : messages.all()) {
                shown.add(message.locator("p").count() == 0 ? "" : message.locator("p").innerText());
            }
            assertThat(shown).as("every stored message once, in order").isEqualTo(stored);

            console.button("Resolve").click();
            assertThat(console.page().getByText("This conversation has ended.")).isVisible();
            console.assertAccessible("a resolved conversation");
            assertThat(desk.sessionOf(session).path("status").asText()).isEqualTo("resolved");
            // the visitor rates the conversation, and the agent sees it beside it
            FrameLocator chat = widget.chat();
            assertThat(chat.getByText("How was this conversation?")).isVisible();
            chat.getByLabel("5 of 5").check();
            chat.getByLabel("Anything to add? (optional)").fill("Ada fixed it");
            chat.locator("form.form").last().getByText("Send").click();
            assertThat(chat.locator(".banner")).containsText("Thank you for your rating.");
            assertThat(console.page().getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("About the visitor")))
                    .containsText("5 of 5: Ada fixed it");
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
            console.assertAccessible("the sign-in page with an error");

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
             ChatClient visitor = ChatClient.connect(desk.parley().server().ws("/ws/chat"));
             ChatClient returning = ChatClient.connect(desk.parley().server().ws("/ws/chat"))) {
            visitor.startSession(Map.of("name", "Grace Hopper", "email", "grace@example.com"));
            visitor.say("Hello there");
            // Grace came back with the same address (in capitals) and left an offline message
            String again = returning.startSession(Map.of("name", "Grace", "email", "GRACE@example.com")).path("sessionId").asText();
            assertThat(desk.api().post("/api/tickets", null, Map.of("name", "Grace", "email", "grace@example.com",
                    "message", "Please send the compiler manual.")).status()).isEqualTo(201);
            ConsolePage console = ConsolePage.open(browser, desk.url("/admin/"));
            console.signIn(ParleyEnvironment.ADMIN_EMAIL, ParleyEnvironment.ADMIN_PASSWORD);
            console.link("All").click();
            Locator grace = console.conversations().filter(new Locator.FilterOptions().setHasText("Grace Hopper"));
            assertThat(grace).hasCount(1);
            console.page().getByLabel("Search by visitor name or email").fill("grace@example");
            assertThat(console.conversations()).hasCount(2);
            grace.click();
            assertThat(console.page().getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("About the visitor")))
                    .containsText("grace@example.com");
            assertThat(console.page().getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Offline messages")))
                    .containsText("Please send the compiler manual.");
            console.assertAccessible("a conversation beside the visitor's history, in the view of all");
            Locator other = console.page().getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Other conversations"))
                    .getByRole(AriaRole.LINK);
            assertThat(other).hasCount(1);
            other.click();
            assertThat(console.page().getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Conversation with Grace").setExact(true))).isVisible();
            assertThat(console.page()).hasURL(Pattern.compile(".*" + again));
            console.page().getByLabel("Search by visitor name or email").fill("nobody by this name");
            assertThat(console.page().getByText("No conversation matches the search and filters.")).isVisible();
            console.assertAccessible("a search without a match");
            JsonNode everyone = desk.api().get("/api/admin/sessions?view=all&size=1", desk.admin()).body();
            assertThat(everyone.path("total").asLong()).isPositive();
            assertThat(console.errors()).as("the browser's console").isEmpty();
        }
    }

    @Test
    void anAgentSeesWhoIsOnTheSiteAndStartsAChatThatOpensTheWidget(RunningDesk desk, RunningChromium chromium) {
        Account paula = desk.newAccount("Paula Console", "agent");
        try (BrowserContext agentBrowser = chromium.visitor(1280, 800); BrowserContext visitorBrowser = chromium.visitor(1280, 800)) {
            ConsolePage console = ConsolePage.open(agentBrowser, desk.url("/admin/"));
            console.signIn(paula.email(), paula.password());
            console.button("Online").click();
            WidgetPage widget = WidgetPage.open(visitorBrowser, desk.url("/?from=console-live-visitors"));
            console.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Live visitors"))).click();
            Locator shopper = console.page().getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Visitors on the sites"))
                    .getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("console-live-visitors"));
            assertThat(shopper).hasCount(1);
            assertThat(shopper).containsText("arrived");
            assertThat(shopper).containsText("first visit");
            widget.page().reload(); // the same browser on the next page: a returning visitor
            assertThat(shopper).containsText("returning visitor");
            console.screenshot("console-live-visitors");
            console.assertAccessible("the live visitors");

            shopper.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start a chat")).click();
            shopper.getByLabel("First message to this visitor").fill("Hello! Can I help you find something?");
            console.assertAccessible("starting a chat with a live visitor");
            shopper.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send and open the chat")).click();

            assertThat(widget.frame()).isVisible();
            assertThat(widget.chat().locator(".from-agent").last()).containsText("Hello! Can I help you find something?");
            assertThat(console.transcript().last()).containsText("Hello! Can I help you find something?");
            widget.say("Yes, a blue scarf");
            assertThat(console.transcript().last()).containsText("Yes, a blue scarf");
            assertThat(console.errors()).as("the browser's console").isEmpty();
        } finally {
            desk.offline(paula);
        }
    }

    @Test
    void anAgentSendsTheVisitorsImageBackWithMarksAndAnImageOfTheirOwn(RunningDesk desk, RunningChromium chromium, @TempDir Path files) throws IOException {
        desk.answers("Happy to help.", List.of());
        Account ivy = desk.newAccount("Ivy Console", "agent");
        byte[] screen = Images.png(400, 300, Color.WHITE);
        try (BrowserContext agentBrowser = chromium.visitor(1280, 900); ChatClient visitor = ChatClient.connect(desk.parley().server().ws("/ws/chat"))) {
            ConsolePage console = ConsolePage.open(agentBrowser, desk.url("/admin/"));
            console.signIn(ivy.email(), ivy.password());
            console.button("Online").click();
            assertThat(console.page().getByText("No conversation is yours right now.")).isVisible();

            JsonNode started = visitor.startSession(Map.of("name", "Ian Image"));
            String session = started.path("sessionId").asText();
            Map<String, String> asVisitor = Map.of("X-Parley-Session", session, "X-Parley-Session-Token", started.path("sessionToken").asText());
            HttpResponse<byte[]> uploaded = desk.api().raw("POST", "/api/chat/attachments", Map.of("X-Parley-Session", session,
                    "X-Parley-Session-Token", started.path("sessionToken").asText(), "Content-Type", "image/png"), screen);
            String theirs = ChatClient.JSON.readTree(uploaded.body()).path("url").asText();
            visitor.request("user_message", Map.of("text", "This button does nothing", "clientMsgId", "ian-1", "attachmentUrl", theirs));
            visitor.request("request_agent", Map.of());

            console.conversations().first().click();
            Locator image = console.page().getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Image from the visitor"));
            assertThat(image).isVisible();
            console.assertAccessible("a conversation with the visitor's image");
            console.button("Annotate and send back").click();
            Locator dialog = console.page().getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Send an image"));
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rectangle")).click();
            drag(console, dialog, 40, 40, 200, 150);
            dialog.getByLabel("Message with the image").fill("Press this one instead");
            console.screenshot("console-annotate");
            console.assertAccessible("the annotate dialog");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send image")).click();
            assertThat(dialog).hasCount(0);

            JsonNode marked = visitor.until("agent_message", data -> data.path("message").path("text").asText().equals("Press this one instead"));
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(desk.api().raw("GET",
                    marked.path("message").path("attachments").get(0).path("url").asText(), asVisitor, null).body()));
            assertThat(back.getWidth()).as("the image's own size, not the dialog's").isEqualTo(400);
            assertThat(back.getHeight()).isEqualTo(300);
            assertThat(new Color(back.getRGB(20, 20))).as("outside the mark").isEqualTo(Color.WHITE);
            assertThat(marked(back)).as("the rectangle is drawn into the image").isTrue();

            Path own = files.resolve("diagram.png");
            byte[] diagram = Images.png(120, 80, Color.BLUE);
            Files.write(own, diagram);
            console.page().getByLabel("Attach an image").setInputFiles(own);
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send image")).click();
            JsonNode plain = visitor.until("agent_message", data -> data.path("message").path("attachments").size() == 1
                    && data.path("message").path("text").asText().isEmpty());
            assertThat(desk.api().raw("GET", plain.path("message").path("attachments").get(0).path("url").asText(), asVisitor, null).body())
                    .as("an image without marks goes as it was").isEqualTo(diagram);
            assertThat(console.page().getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Image sent to the visitor"))).hasCount(2);
            console.assertAccessible("a conversation with the images sent");
            assertThat(console.errors()).as("the browser's console").isEmpty();
        } finally {
            desk.offline(ivy);
        }
    }

    /** Draws on the annotate dialog's image with the mouse, from one point to another (in the image's own pixels on screen). */
    private static void drag(ConsolePage console, Locator dialog, int fromX, int fromY, int toX, int toY) {
        BoundingBox surface = dialog.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("The image, with your marks")).boundingBox();
        console.page().mouse().move(surface.x + fromX, surface.y + fromY);
        console.page().mouse().down();
        console.page().mouse().move(surface.x + toX, surface.y + toY, new Mouse.MoveOptions().setSteps(5));
        console.page().mouse().up();
    }

    /** Whether any pixel of the image is far from white: a mark. */
    private static boolean marked(BufferedImage image) {
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                Color pixel = new Color(image.getRGB(x, y));
                if (pixel.getGreen() < 128) {
                    return true;
                }
            }
        }
        return false;
    }
}
