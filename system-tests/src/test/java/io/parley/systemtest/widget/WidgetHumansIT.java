package io.parley.systemtest.widget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import io.parley.systemtest.support.Chromium;
import io.parley.systemtest.support.Chromium.RunningChromium;
import io.parley.systemtest.support.WidgetDesk;
import io.parley.systemtest.support.WidgetDesk.OnlineAgent;
import io.parley.systemtest.support.WidgetDesk.RunningDesk;
import io.parley.systemtest.support.WidgetPage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The people behind the widget: asking for one with the countdown, an agent joining, typing and writing; the offline
 * form when nobody comes or nobody is there, filing a ticket; the rating at the end.
 */
@ExtendWith({WidgetDesk.class, Chromium.class})
class WidgetHumansIT {

    @Test
    void anAgentJoinsWithinTheCountdownTypesAndWrites(RunningDesk desk, RunningChromium chromium) {
        desk.answers("Happy to help.", List.of());
        String[] agent = desk.newAgent("Ada Agent");
        try (BrowserContext visitor = chromium.visitor(1280, 800); OnlineAgent console = desk.onlineAgent(agent[1])) {
            WidgetPage widget = WidgetPage.open(visitor, desk.url("/"));
            widget.openChat();
            widget.say("I need a person");
            assertThat(widget.stored()).hasCount(2);
            widget.chat().getByText("Talk to a person").click();
            assertThat(widget.chat().locator(".banner")).containsText(Pattern.compile("Looking for a person to help you… \\d:\\d\\d"));
            widget.screenshot("widget-countdown");
            String session = widget.sessionId();

            console.request("join_session", Map.of("sessionId", session, "afterSeq", 0));
            assertThat(widget.chat().locator(".from-system").last()).containsText("Ada Agent");
            assertThat(widget.chat().locator(".banner")).isHidden();
            assertThat(widget.chat().getByText("Talk to a person")).isHidden();

            console.request("typing_start", Map.of("sessionId", session));
            assertThat(widget.chat().locator(".typing")).hasText("Ada Agent is typing…");
            console.request("agent_message", Map.of("sessionId", session, "text", "Hi, I am Ada. How can I help?", "clientMsgId", "ada-1"));
            Locator fromAgent = widget.chat().locator(".from-agent").last();
            assertThat(fromAgent).containsText("Hi, I am Ada. How can I help?");
            assertThat(fromAgent.locator(".who")).hasText("Ada Agent");
            assertThat(widget.chat().locator(".typing")).hasText("");

            widget.input().pressSequentially("My order");
            JsonNode typing = console.until("display_typing", data -> data.path("sender").asText().equals("user"));
            assertThat(typing.path("isTyping").asBoolean()).isTrue();
            widget.screenshot("widget-agent");
        }
    }

    @Test
    void withNobodyOnlineTheOfflineFormAppearsChecksWhatItTakesAndFilesATicketAndAgainWhenTheCountdownRunsOut(RunningDesk desk, RunningChromium chromium) {
        desk.answers("I can only answer questions about the shop.", List.of());
        try (BrowserContext visitor = chromium.visitor(1280, 800)) {
            WidgetPage widget = WidgetPage.open(visitor, desk.url("/"));
            widget.openChat();
            FrameLocator chat = widget.chat();
            // the desk takes a conversation only once there is something in it (docs/security.md, "Abuse limits")
            chat.getByText("Talk to a person").click();
            assertThat(chat.getByRole(AriaRole.ALERT)).hasText("Tell us in a message what you need first, then ask for a person.");
            assertThat(widget.input()).isFocused();
            assertThat(chat.locator("form.form").first()).isHidden();
            widget.say("Can somebody call me back?");
            assertThat(chat.getByText("I can only answer questions about the shop.")).isVisible();
            assertThat(chat.getByText("Tell us in a message what you need first")).isHidden(); // gone once they wrote
            chat.getByText("Talk to a person").click();
            Locator form = chat.locator("form.form").first();
            assertThat(form).isVisible();
            assertThat(form).containsText("Nobody from our team is available right now.");
            assertThat(chat.getByLabel("Your name")).isFocused();

            form.getByText("Send").click();
            assertThat(chat.getByLabel("Your name")).hasAttribute("aria-invalid", "true");
            assertThat(form).containsText("Please tell us your name.");
            chat.getByLabel("Your name").fill("Grace Offline");
            chat.getByLabel("Your e-mail").fill("not an address");
            chat.getByLabel("Your message").fill("Please call me back about order 1234.");
            form.getByText("Send").click();
            assertThat(form).containsText("Please give an e-mail address we can answer to.");
            assertThat(chat.getByLabel("Your message")).hasValue("Please call me back about order 1234.");
            widget.screenshot("widget-offline-form");

            chat.getByLabel("Your e-mail").fill("grace@example.com");
            form.getByText("Send").click();
            assertThat(chat.locator(".banner")).containsText("we got your message");
            String session = widget.sessionId();
            JsonNode tickets = desk.api().get("/api/tickets", desk.admin()).body().path("items");
            JsonNode ticket = null;
            for (JsonNode t : tickets) {
                if (t.path("email").asText().equals("grace@example.com")) {
                    ticket = t;
                }
            }
            assertThat(ticket).as("the ticket of the offline form: " + tickets).isNotNull();
            assertThat(ticket.path("name").asText()).isEqualTo("Grace Offline");
            assertThat(ticket.path("message").asText()).isEqualTo("Please call me back about order 1234.");
            assertThat(ticket.path("sessionId").asText()).isEqualTo(session);

            // the request stays queued: when its countdown runs out with nobody there, the form is offered again
            assertThat(form).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                    .setTimeout(Duration.ofSeconds(WidgetDesk.COUNTDOWN_SECONDS + 20).toMillis()));
            assertThat(form).containsText("Nobody from our team could answer in time.");
        }
    }

    @Test
    void aConversationEndsWithARatingThatTheDeskKeeps(RunningDesk desk, RunningChromium chromium) {
        desk.answers("You are welcome.", List.of());
        try (BrowserContext visitor = chromium.visitor(1280, 800)) {
            WidgetPage widget = WidgetPage.open(visitor, desk.url("/"));
            widget.openChat();
            widget.say("Thanks!");
            assertThat(widget.stored()).hasCount(2);
            String session = widget.sessionId();

            widget.button("End the conversation").click();
            FrameLocator chat = widget.chat();
            assertThat(chat.getByText("How was this conversation?")).isVisible();
            assertThat(chat.getByLabel("1 of 5")).isFocused();
            chat.locator("form.form").last().getByText("Send").click();
            assertThat(chat.getByText("Please choose from 1 to 5 stars.")).isVisible();
            chat.getByLabel("4 of 5").check();
            chat.getByLabel("Anything to add? (optional)").fill("Quick and friendly.");
            widget.screenshot("widget-rating");
            chat.locator("form.form").last().getByText("Send").click();
            assertThat(chat.locator(".banner")).containsText("Thank you for your rating.");

            JsonNode rating = desk.sessionOf(session).path("rating");
            assertThat(rating.path("score").asInt()).isEqualTo(4);
            assertThat(rating.path("comment").asText()).isEqualTo("Quick and friendly.");
            assertThat(desk.sessionOf(session).path("status").asText()).isEqualTo("closed");

            widget.say("One more question");
            // the next message starts a new conversation
            assertThat(widget.stored()).hasCount(2);
            assertThat(widget.sessionId()).isNotEqualTo(session);
        }
    }

    @Test
    void anAgentStartsAChatWithAVisitorOnThePageThePanelOpensAndLaterMessagesShowOnTheLauncher(RunningDesk desk, RunningChromium chromium) {
        String[] agent = desk.newAgent("Paula Proactive");
        try (BrowserContext visitor = chromium.visitor(1280, 800); OnlineAgent console = desk.onlineAgent(agent[1])) {
            console.request("join_admin_feed", Map.of());
            WidgetPage widget = WidgetPage.open(visitor, desk.url("/?from=proactive-chat"));
            JsonNode live = console.until("live_visitors_changed", data -> data.path("joined").toString().contains("proactive-chat"));
            String visitorId = null;
            for (JsonNode v : live.path("joined")) {
                if (v.path("page").asText().contains("proactive-chat")) {
                    visitorId = v.path("visitorId").asText();
                }
            }
            console.request("initiate_chat", Map.of("visitorId", visitorId, "text", "Can I help you find a present?"));

            assertThat(widget.frame()).isVisible();
            Locator fromAgent = widget.chat().locator(".from-agent").last();
            assertThat(fromAgent).containsText("Can I help you find a present?");
            assertThat(fromAgent.locator(".who")).hasText("Paula Proactive");
            widget.say("Yes, for my sister");
            String session = widget.sessionId();
            console.until("new_message", data -> data.path("message").path("text").asText().equals("Yes, for my sister"));

            widget.page().evaluate("Parley.close()");
            console.request("agent_message", Map.of("sessionId", session, "text", "How old is she?", "clientMsgId", "paula-2"));
            Locator badge = widget.page().locator("[data-parley] .badge");
            assertThat(badge).hasText("1");
            assertThat(widget.launcher()).hasAttribute("aria-label", "Open the chat, 1 new");
            widget.launcher().click();
            assertThat(badge).isHidden();
            assertThat(widget.chat().locator(".from-agent").last()).containsText("How old is she?");
        }
    }

    @Test
    void whenTheAssistantCannotAnswerAPersonAndTheFormAreOffered(RunningDesk desk, RunningChromium chromium) {
        desk.cannotAnswer();
        try (BrowserContext visitor = chromium.visitor(1280, 800)) {
            WidgetPage widget = WidgetPage.open(visitor, desk.url("/"));
            widget.openChat();
            widget.say("Where is my parcel?");
            Locator notice = widget.chat().locator(".from-system").last();
            assertThat(notice.getByText("Talk to a person")).isVisible();
            notice.getByText("Leave a message").click();
            Locator form = widget.chat().locator("form.form").first();
            assertThat(form).isVisible();
            assertThat(form).containsText("Our assistant cannot answer right now.");
        }
    }

    @Test
    void outsideBusinessHoursTheFormIsOfferedInsteadOfAWait(RunningDesk desk, RunningChromium chromium) {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).getDayOfWeek().name().toLowerCase(Locale.ROOT);
        Map<String, Object> closedNow = Map.of("aiResumesAfterAgent", false, "businessHours", Map.of("enabled", true, "timeZone", "UTC",
                "periods", List.of(Map.of("day", tomorrow, "opens", "09:00", "closes", "10:00"))));
        assertThat(desk.api().call("PUT", "/api/admin/settings", desk.admin(), closedNow).status()).isEqualTo(200);
        try (BrowserContext visitor = chromium.visitor(1280, 800)) {
            WidgetPage widget = WidgetPage.open(visitor, desk.url("/"));
            widget.openChat();
            widget.chat().getByText("Talk to a person").click();
            Locator form = widget.chat().locator("form.form").first();
            assertThat(form).containsText("We are outside our opening hours right now.");
            assertThat(widget.chat().locator(".banner")).isHidden();
        } finally {
            desk.api().call("PUT", "/api/admin/settings", desk.admin(), Map.of("aiResumesAfterAgent", false,
                    "businessHours", Map.of("enabled", false, "timeZone", "UTC", "periods", List.of())));
        }
    }
}
