package io.parley.systemtest.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.parley.systemtest.support.ChatClient;
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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin's Quality of answers page in Chromium: answers the assistant gave visitors (a model's, through WireMock, and
 * a canned one), with the visitor's thumbs and rating beside them; narrowed by provider, what answered, the days and
 * whether they were marked; one marked wrong with a comment, and its conversation opened.
 */
@ExtendWith({WidgetDesk.class, Chromium.class})
class AdminQualityIT {

    @Test
    void theAdminFiltersTheAnswersMarksOneWrongAndOpensItsConversation(RunningDesk desk, RunningChromium chromium) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String question = "When do you open on Sundays? " + tag;
        String modelAnswer = "We open at nine on Sundays (" + tag + ").";
        String trigger = "refund policy " + tag;
        desk.answers(modelAnswer, List.of());
        desk.cannedResponse(trigger, "Refunds within 14 days (" + tag + ").");
        String session;
        try (ChatClient visitor = ChatClient.connect(desk.parley().server().ws("/ws/chat"))) {
            JsonNode started = visitor.startSession(Map.of("name", "Quinn Quality"));
            session = started.path("sessionId").asText();
            visitor.say(question);
            String answered = visitor.until("bot_message", data -> data.path("message").path("text").asText().contains(tag)).path("message").path("id").asText();
            visitor.request("feedback", Map.of("messageId", answered, "helpful", false));
            visitor.say(trigger);
            visitor.until("bot_message", data -> data.path("message").path("text").asText().startsWith("Refunds within 14 days"));
            Map<String, String> proof = Map.of("X-Parley-Session", session, "X-Parley-Session-Token", started.path("sessionToken").asText(),
                    "Content-Type", "application/json");
            assertThat(desk.api().raw("POST", "/api/chat/rating", proof, "{\"score\": 2, \"comment\": \"Not open at nine\"}".getBytes()).statusCode())
                    .isEqualTo(200);
        }

        Account admin = desk.newAccount("Ada Quality", "admin");
        try (BrowserContext browser = chromium.visitor(1280, 1000)) {
            ConsolePage console = ConsolePage.open(browser, desk.url("/admin/"));
            console.signIn(admin.email(), admin.password());
            Page page = console.page();
            console.link("Admin").click();
            console.link("Quality of answers").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Quality of answers").setLevel(1))).isVisible();
            Locator model = entry(page, question);
            Locator canned = entry(page, trigger);
            assertThat(model).containsText(modelAnswer);
            assertThat(model).containsText("OpenAI (or compatible) · gpt-4o-mini");
            assertThat(model).containsText("90% sure");
            assertThat(model).containsText("Visitor: thumbs down, not helpful");
            assertThat(model).containsText("Conversation rated 2 of 5: Not open at nine");
            assertThat(canned).containsText("A canned response");
            assertThat(canned).containsText("No thumbs from the visitor");
            console.assertAccessible("the answers");

            field(page, "Provider").selectOption("anthropic");
            assertThat(page.getByText("No answer matches these filters.", new Page.GetByTextOptions().setExact(true))).isVisible();
            field(page, "Provider").selectOption("openai");
            assertThat(model).isVisible();
            assertThat(canned).hasCount(0);
            field(page, "Provider").selectOption(new SelectOption().setLabel("Any provider"));
            field(page, "Answered by").selectOption(new SelectOption().setLabel("A canned response"));
            assertThat(canned).isVisible();
            assertThat(model).hasCount(0);
            field(page, "Answered by").selectOption(new SelectOption().setLabel("Anything"));
            field(page, "From").fill(LocalDate.now().plusDays(1).toString());
            assertThat(page.getByText("No answer matches these filters.", new Page.GetByTextOptions().setExact(true))).isVisible();
            field(page, "From").fill(LocalDate.now().toString());
            assertThat(model).isVisible();

            field(page, "Marked").selectOption(new SelectOption().setLabel("Not marked yet"));
            assertThat(model).isVisible();
            model.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark this answer")).click();
            Locator form = model.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Mark the answer"));
            form.getByLabel("Wrong").check();
            form.getByLabel("Comment (optional)").fill("We open at ten on Sundays");
            console.assertAccessible("marking an answer");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the mark")).click();
            // marked now, it leaves the answers not marked yet
            assertThat(model).hasCount(0);
            assertThat(canned).isVisible();
            JsonNode marked = desk.api().get("/api/admin/accuracy?sessionId=" + session + "&marked=true", desk.admin()).body().path("items");
            assertThat(marked).hasSize(1);
            assertThat(marked.get(0).path("humanMark").asText()).isEqualTo("incorrect");
            assertThat(marked.get(0).path("humanComment").asText()).isEqualTo("We open at ten on Sundays");
            assertThat(desk.api().get("/api/admin/audit?action=accuracy.mark", desk.admin()).body().path("items").get(0).path("detail").asText())
                    .isEqualTo("incorrect: We open at ten on Sundays");

            field(page, "Marked").selectOption(new SelectOption().setLabel("Marked"));
            assertThat(model).containsText("Marked wrong: We open at ten on Sundays");
            assertThat(canned).hasCount(0);
            field(page, "Marked").selectOption(new SelectOption().setLabel("Marked or not"));
            assertThat(canned).isVisible();
            assertThat(model).containsText("Marked wrong: We open at ten on Sundays");
            console.screenshot("console-admin-quality");
            console.assertAccessible("the answers marked");

            model.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open the conversation")).click();
            assertThat(page).hasURL(Pattern.compile("#/inbox/all/" + session + "$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Quinn Quality"))).isVisible();
            assertThat(console.transcript().filter(new Locator.FilterOptions().setHasText(modelAnswer))).hasCount(1);
            assertThat(console.errors()).as("the browser's console").isEmpty();
        }
    }

    /** A filter, by its label (exactly: the answers listed are named by the visitors' questions, which may say anything). */
    private static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    /** The answer in the list that followed this question of the visitor. */
    private static Locator entry(Page page, String question) {
        return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Answers"))
                .getByRole(AriaRole.LISTITEM, new Locator.GetByRoleOptions().setName(question));
    }
}
