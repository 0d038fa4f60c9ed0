package io.parley.systemtest.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.Chromium;
import io.parley.systemtest.support.Chromium.RunningChromium;
import io.parley.systemtest.support.ConsolePage;
import io.parley.systemtest.support.LlmWire;
import io.parley.systemtest.support.OwnParley;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin's LLM fleet page in Chromium: a configuration added from the OpenAI-compatible preset (WireMock in the
 * place of an Ollama), tested, made primary and then answering a visitor; the order changed from the keyboard and by
 * dragging; one disabled, a failing one shown unhealthy with the error in words, a key replaced that no response ever
 * carries, one deleted after being asked once. On a Parley of its own: the fleet it changes is the one that answers.
 */
@ExtendWith(Chromium.class)
class AdminFleetIT {

    private static final String ADMIN_PASSWORD = "fleet admin passphrase 9Lk";
    private static final String REPLACED_KEY = "sk-replaced-" + UUID.randomUUID() + "-Wx42";

    static WireMockServer llm;
    static OwnParley parley;
    static Api api;
    static String admin;
    static String adminEmail;

    @BeforeAll
    static void start() {
        llm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        llm.start();
        // the breaker of OpenAI stays closed: the failing configuration's checks must not rest the others (same provider)
        parley = OwnParley.start("admin-fleet", Map.of("IO_PARLEY_ASSISTANT_CONTROL_OPENAICLIENT_COMPLETE_CIRCUITBREAKER_REQUESTVOLUMETHRESHOLD", "100000"));
        api = parley.api();
        admin = parley.adminToken();
        adminEmail = "fleet-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        api.createUser(admin, adminEmail, ADMIN_PASSWORD, "admin");
    }

    @AfterAll
    static void stop() {
        try {
            parley.close();
        } finally {
            llm.stop();
        }
    }

    @AfterEach
    void forgetTheFleet() {
        parley.forgetTheFleet();
        llm.resetAll();
    }

    @Test
    void anAdminAddsAnOllamaFromThePresetTestsItAndMakesItPrimaryThenItAnswersTheVisitors(RunningChromium chromium) {
        String cloud = configure("gpt-4o-mini", "/cloud/v1", "sk-cloud-key-0000-Ab12");
        LlmWire.answersAt(llm, "/cloud/v1", "The cloud answers.");
        LlmWire.answersAt(llm, "/local/v1", "Ollama answers: we open at nine.");
        try (BrowserContext browser = chromium.visitor(1280, 900)) {
            ConsolePage console = fleetPage(browser);
            assertThat(headings(console)).hasText(new String[] {"1. OpenAI gpt-4o-mini Primary"});

            console.button("Add a configuration").click();
            Locator dialog = console.page().getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Add a configuration"));
            dialog.getByLabel("OpenAI-compatible server (Ollama, vLLM)").check();
            assertThat(dialog.getByLabel("Model")).hasValue("llama3.1");
            assertThat(dialog.getByLabel("Base URL")).hasValue("http://localhost:11434/v1");
            dialog.getByLabel("Base URL").fill("");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add").setExact(true)).click();
            assertThat(dialog.getByText("An OpenAI-compatible server needs its base URL")).isVisible();
            dialog.getByLabel("Base URL").fill(llm.baseUrl() + "/local/v1");
            console.screenshot("console-admin-fleet-add");
            console.assertAccessible("adding a configuration from a preset");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add").setExact(true)).click();
            assertThat(dialog).isHidden();

            Locator ollama = item(console, "llama3.1");
            assertThat(headings(console)).hasText(new String[] {"1. OpenAI gpt-4o-mini Primary", "2. OpenAI llama3.1"});
            assertThat(ollama).containsText("at " + llm.baseUrl() + "/local/v1");
            assertThat(ollama).containsText("No API key");
            assertThat(ollama.locator(".health")).hasText("Not checked yet");

            ollama.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Test now")).click();
            assertThat(console.page().getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("OpenAI llama3.1: Healthy, answered in")))
                    .isVisible();
            assertThat(ollama.locator(".health")).containsText(Pattern.compile("Healthy · \\d+ ms · checked"));
            assertThat(ollama.locator("time")).hasAttribute("title", Pattern.compile("\\d"));
            llm.verify(1, postRequestedFor(urlEqualTo("/local/v1/chat/completions")));

            ollama.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make primary")).click();
            assertThat(headings(console)).hasText(new String[] {"1. OpenAI llama3.1 Primary", "2. OpenAI gpt-4o-mini"});
            assertThat(console.errors()).as("the browser's console").isEmpty();
        }
        JsonNode fleet = api.get("/api/admin/llm-configs", admin).body();
        assertThat(fleet.findValuesAsText("model")).containsExactly("llama3.1", "gpt-4o-mini");
        assertThat(fleet.get(0).path("isActive").asBoolean()).isTrue();
        assertThat(fleet.get(1).path("isActive").asBoolean()).isFalse();
        assertThat(fleet.get(1).path("id").asText()).isEqualTo(cloud);

        // tried first: a visitor's question is answered by the Ollama
        try (ChatClient visitor = ChatClient.connect(parley.server().ws("/ws/chat"))) {
            visitor.startSession(Map.of("name", "Vera Fleet"));
            visitor.say("When do you open?");
            JsonNode answer = visitor.until("bot_message", data -> true);
            assertThat(answer.path("message").path("text").asText()).isEqualTo("Ollama answers: we open at nine.");
        }
        assertThat(api.get("/api/admin/audit?action=llm-config.activate", admin).body().path("items")).hasSize(1);
    }

    @Test
    void theOrderChangesFromTheKeyboardAndByDraggingAndAFailingOneSaysWhyAndAReplacedKeyNeverComesBack(RunningChromium chromium) {
        configure("gpt-first", "/first/v1", "sk-first-key-1111-Cd34");
        configure("gpt-second", "/second/v1", null);
        configure("gpt-broken", "/broken/v1", "sk-broken-key-2222-Ef56");
        LlmWire.answersAt(llm, "/first/v1", "The first answers.");
        LlmWire.answersAt(llm, "/second/v1", "The second answers.");
        llm.stubFor(post(urlEqualTo("/broken/v1/chat/completions")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(LlmWire.openAiError("invalid_api_key", "Incorrect API key provided"))));
        try (BrowserContext browser = chromium.visitor(1280, 900)) {
            ConsolePage console = fleetPage(browser);
            assertThat(headings(console)).hasText(new String[] {"1. OpenAI gpt-first Primary", "2. OpenAI gpt-second", "3. OpenAI gpt-broken"});

            // from the keyboard: the focus stays on the button, which moves with its configuration
            Locator down = item(console, "gpt-first").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move down"));
            down.focus();
            console.page().keyboard().press("Enter");
            assertThat(headings(console)).hasText(new String[] {"1. OpenAI gpt-second Primary", "2. OpenAI gpt-first", "3. OpenAI gpt-broken"});
            assertThat(item(console, "gpt-first").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move down"))).isFocused();
            assertThat(console.page().getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("OpenAI gpt-first is now 2 of 3.")))
                    .isVisible();
            console.page().keyboard().press("Enter");
            assertThat(headings(console)).hasText(new String[] {"1. OpenAI gpt-second Primary", "2. OpenAI gpt-broken", "3. OpenAI gpt-first"});
            awaitModels("gpt-second", "gpt-broken", "gpt-first");

            // by dragging: the last one onto the first
            item(console, "gpt-first").dragTo(item(console, "gpt-second"));
            assertThat(headings(console)).hasText(new String[] {"1. OpenAI gpt-first Primary", "2. OpenAI gpt-second", "3. OpenAI gpt-broken"});
            awaitModels("gpt-first", "gpt-second", "gpt-broken");
            assertThat(api.get("/api/admin/audit?action=llm-config.order", admin).body().path("items")).hasSize(3);

            // a failing configuration: unhealthy, and why, in words
            Locator broken = item(console, "gpt-broken");
            broken.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Test now")).click();
            assertThat(broken.locator(".health")).containsText("Unhealthy: ");
            assertThat(broken.locator(".health")).containsText("refused the API key (401)");
            assertThat(console.page().getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("OpenAI gpt-broken: Unhealthy")))
                    .isVisible();

            // disabled: no longer asked, and no longer primary material
            Locator second = item(console, "gpt-second");
            second.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable")).click();
            assertThat(second).containsText("Disabled");
            assertThat(second.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enable"))).isVisible();
            assertThat(second.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make primary"))).hasCount(0);
            assertThat(configs().get(1).path("enabled").asBoolean()).isFalse();

            // the key: write-only, its last four shown, replaced, never sent back
            Locator first = item(console, "gpt-first");
            assertThat(first).containsText("API key ending in Cd34");
            first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit")).click();
            Locator dialog = console.page().getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Edit OpenAI gpt-first"));
            assertThat(dialog.getByText("The stored key ending in Cd34 is kept.")).isVisible();
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Replace key")).click();
            dialog.getByLabel("New API key").fill(REPLACED_KEY);
            console.assertAccessible("editing a configuration, replacing its key");
            Response saved = console.page().waitForResponse(response -> response.url().endsWith("/api/admin/llm-config"),
                    () -> dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click());
            assertThat(saved.status()).isEqualTo(200);
            assertThat(saved.text()).doesNotContain(REPLACED_KEY).contains("\"apiKeyLast4\":\"Wx42\"");
            assertThat(first).containsText("API key ending in Wx42");
            assertThat(api.get("/api/admin/llm-configs", admin).raw()).doesNotContain(REPLACED_KEY).doesNotContain("sk-first-key");
            first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Test now")).click();
            assertThat(first.locator(".health")).containsText("Healthy · ");

            console.screenshot("console-admin-fleet");
            console.assertAccessible("the LLM fleet");

            // deleting asks once
            broken.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
            Locator confirm = console.page().getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Delete OpenAI gpt-broken?"));
            confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
            assertThat(confirm).isHidden();
            assertThat(headings(console)).hasCount(3);
            broken.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
            confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
            assertThat(headings(console)).hasText(new String[] {"1. OpenAI gpt-first Primary", "2. OpenAI gpt-second Disabled"});
            awaitModels("gpt-first", "gpt-second");
            assertThat(console.errors()).as("the browser's console").isEmpty();
        }
        assertThat(parley.server().logLines()).noneMatch(line -> line.contains(REPLACED_KEY));
    }

    private static ConsolePage fleetPage(BrowserContext browser) {
        ConsolePage console = ConsolePage.open(browser, parley.server().http("/admin/").toString());
        console.signIn(adminEmail, ADMIN_PASSWORD);
        console.link("Admin").click();
        console.link("LLM fleet").click();
        assertThat(console.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("LLM fleet").setLevel(1))).isVisible();
        return console;
    }

    private static Locator list(ConsolePage console) {
        return console.page().getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Configurations, in the order tried"));
    }

    private static Locator headings(ConsolePage console) {
        return list(console).getByRole(AriaRole.HEADING);
    }

    /** The configuration of OpenAI's {@code model} in the fleet's list. */
    static Locator item(ConsolePage console, String model) {
        return list(console).getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions()
                .setHas(console.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("OpenAI " + model + "\\b")))));
    }

    private static JsonNode configs() {
        return api.get("/api/admin/llm-configs", admin).body();
    }

    /** Waits (5 s at most) until the server has the fleet in this order: the page shows a new order before it is saved. */
    private static void awaitModels(String... expected) {
        List<String> models = List.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            models = configs().findValuesAsText("model");
            if (models.equals(List.of(expected))) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(models).as("the fleet's order on the server").containsExactly(expected);
    }

    /** An OpenAI-compatible configuration at WireMock's {@code path}; its id. */
    private static String configure(String model, String path, String apiKey) {
        Map<String, Object> config = new HashMap<>(Map.of("provider", "openai", "model", model, "baseUrl", llm.baseUrl() + path,
                "timeoutMs", 5000, "enabled", true));
        if (apiKey != null) {
            config.put("apiKey", apiKey);
        }
        Api.Reply created = api.post("/api/admin/llm-config", admin, config);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.body().path("id").asText();
    }
}
