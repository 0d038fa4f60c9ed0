package io.parley.systemtest.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.parley.systemtest.support.Chromium;
import io.parley.systemtest.support.Chromium.RunningChromium;
import io.parley.systemtest.support.ConsolePage;
import io.parley.systemtest.support.Images;
import io.parley.systemtest.support.OwnParley;
import io.parley.systemtest.support.ParleyEnvironment;
import io.parley.systemtest.support.WidgetPage;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin's Widget page in Chromium: the look changed and seen in the preview (the real widget in a frame) before it
 * is saved, a logo uploaded (and what is refused), the tag copied and put on a shop's page, where a visitor sees the new
 * look; the sites that may embed it, as Parley was started. A Parley of its own, started with a list of those sites.
 */
@ExtendWith(Chromium.class)
class AdminWidgetIT {

    private static final String OTHER_SITE = "https://shop.example";
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>";

    private static WireMockServer shop;
    private static OwnParley parley;

    @BeforeAll
    static void start() {
        shop = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        shop.start();
        parley = OwnParley.start("admin-widget", Map.of("WIDGET_ALLOWED_ORIGINS", shopOrigin() + "," + OTHER_SITE));
    }

    @AfterAll
    static void stop() {
        try {
            if (parley != null) {
                parley.close();
            }
        } finally {
            shop.stop();
        }
    }

    /** The shop's pages come from another origin than Parley's 127.0.0.1. */
    private static String shopOrigin() {
        return "http://localhost:" + shop.port();
    }

    private static String parleyOrigin() {
        String url = parley.server().http("/").toString();
        return url.substring(0, url.length() - 1);
    }

    @Test
    void theAdminSeesTheLookInThePreviewBeforeSavingUploadsALogoAndAVisitorOnTheShopSeesBoth(RunningChromium chromium) {
        String snippet;
        try (BrowserContext browser = chromium.visitor(1280, 1400)) {
            browser.grantPermissions(List.of("clipboard-read", "clipboard-write"));
            ConsolePage console = ConsolePage.open(browser, parleyOrigin() + "/admin/");
            console.signIn(ParleyEnvironment.ADMIN_EMAIL, ParleyEnvironment.ADMIN_PASSWORD);
            Page page = console.page();
            console.link("Admin").click();
            console.link("Widget").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Widget").setLevel(1))).isVisible();
            FrameLocator preview = page.frameLocator("iframe[title='Preview of the widget']");
            FrameLocator chat = preview.frameLocator("iframe[title='Chat']");
            assertThat(chatTitle(chat, "Chat with us")).isVisible();

            page.getByLabel("Title").fill("Velo help");
            page.getByLabel("Colour").fill("#aa3300");
            page.getByLabel("Left").check();
            page.getByLabel("Launcher text").fill("Questions?");
            // the real widget in the frame shows the look being edited, before anything is saved
            assertThat(chatTitle(chat, "Velo help")).isVisible();
            assertThat(chat.locator(".header")).hasCSS("background-color", "rgb(170, 51, 0)");
            Locator launcher = preview.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Close the chat"));
            assertThat(launcher).containsText("Questions?");
            assertThat(launcher).hasCSS("background-color", "rgb(170, 51, 0)");
            double frameLeft = page.locator("iframe[title='Preview of the widget']").boundingBox().x;
            assertThat(launcher.boundingBox().x - frameLeft).as("the launcher on the left of the page").isLessThan(100);
            assertThat(page.getByText("Not saved yet.", new Page.GetByTextOptions().setExact(true))).isVisible();
            assertThat(config().path("title").asText()).as("visitors still see the saved look").isEqualTo("Chat with us");
            console.assertAccessible("the widget page, changes not saved");

            console.button("Save").click();
            assertThat(page.getByText("Saved: visitors see it now.", new Page.GetByTextOptions().setExact(true))).isVisible();
            assertThat(config().path("title").asText()).isEqualTo("Velo help");
            assertThat(config().path("color").asText()).isEqualTo("#aa3300");
            assertThat(config().path("position").asText()).isEqualTo("left");
            assertThat(lastAudit("widget.change")).contains("title=\"Velo help\"", "color=#aa3300", "position=left", "launcherText=\"Questions?\"");

            Locator upload = page.getByLabel("Upload a logo");
            Locator refusal = page.getByRole(AriaRole.ALERT);
            upload.setInputFiles(new FilePayload("logo.png", "image/png", SVG.getBytes(StandardCharsets.UTF_8)));
            assertThat(refusal).hasText("The logo was not taken: A logo must be a PNG, JPEG, GIF or WebP image (SVG is not taken: it can carry scripts)");
            byte[] oversized = Arrays.copyOf(Images.png(40, 40, Color.RED), 300 * 1024);
            upload.setInputFiles(new FilePayload("huge.png", "image/png", oversized));
            assertThat(refusal).hasText("The logo was not taken: A logo can have at most 256 KB; this one has more.");
            assertThat(page.getByText("No logo: the launcher shows a speech bubble.", new Page.GetByTextOptions().setExact(true))).isVisible();

            upload.setInputFiles(new FilePayload("velo.png", "image/png", Images.png(40, 40, new Color(0x2a, 0x9d, 0x8f))));
            Locator shown = page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("The logo"));
            assertThat(shown).isVisible();
            assertThat(refusal).hasCount(0);
            assertThat(chat.locator(".header img")).hasAttribute("src", Pattern.compile("/api/widget/logos/[0-9a-f]{64}$"));
            assertThat(launcher.locator("img")).isVisible();
            assertThat(config().path("logoUrl").isNull()).as("not the visitors' until saved").isTrue();
            console.button("Save").click();
            assertThat(page.getByText("Saved: visitors see it now.", new Page.GetByTextOptions().setExact(true))).isVisible();
            String logoUrl = config().path("logoUrl").asText();
            assertThat(logoUrl).matches("/api/widget/logos/[0-9a-f]{64}");

            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Widget").setLevel(1)).scrollIntoViewIfNeeded();
            console.screenshot("console-admin-widget");

            // the preview talked to nobody: no conversation was started, whatever was clicked in it
            chat.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Talk to a person")).click();
            page.waitForTimeout(1_000);
            // ... and says it is a preview, not a connection that never comes
            assertThat(chat.locator(".header")).containsText("Preview");
            assertThat(chat.locator(".header")).not().containsText("Connecting");
            assertThat(parley.api().get("/api/admin/sessions?view=all", parley.adminToken()).body().path("total").asInt()).isZero();

            console.button("Copy the tag").click();
            assertThat(page.getByText("Copied.", new Page.GetByTextOptions().setExact(true))).isVisible();
            snippet = (String) page.evaluate("navigator.clipboard.readText()");
            assertThat(snippet).isEqualTo("<script async src=\"" + parleyOrigin() + "/widget/parley.js\"></script>");
            assertThat(page.locator("pre code")).hasText(snippet);

            Locator sites = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Sites that may embed it"));
            assertThat(sites.getByRole(AriaRole.LISTITEM)).hasText(new String[] {shopOrigin(), OTHER_SITE});
            console.assertAccessible("the widget page, saved");
            assertThat(console.errors()).as("the browser's console").isEmpty();

            // the logo: by its content's hash, kept by caches for a year, and what was uploaded but not kept is gone
            HttpResponse<byte[]> logo = parley.api().raw("GET", logoUrl, Map.of(), null);
            assertThat(logo.statusCode()).isEqualTo(200);
            assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(logo.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        }

        // a visitor on the shop, whose page has the tag as copied
        shop.stubFor(get(urlEqualTo("/velo/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!doctype html><html lang=\"en\"><head><title>Velo</title></head><body><h1>Velo bikes</h1>" + snippet + "</body></html>")));
        try (BrowserContext visitor = chromium.visitor(1280, 800)) {
            WidgetPage widget = WidgetPage.open(visitor, shopOrigin() + "/velo/");
            assertThat(widget.launcher()).containsText("Questions?");
            assertThat(widget.launcher().locator("img").evaluate("img => img.decode().then(() => img.naturalWidth)"))
                    .as("the logo itself, from Parley").isEqualTo(40);
            widget.openChat();
            assertThat(chatTitle(widget.chat(), "Velo help")).isVisible();
            assertThat(widget.chat().locator(".header img").evaluate("img => img.decode().then(() => img.naturalWidth)")).isEqualTo(40);
        }
    }

    @Test
    void aLogoIsAnImageOfAtMost256KbAndOnlyParleysOwnPagesMayFrameThePreview() {
        String admin = parley.adminToken();
        HttpResponse<byte[]> svg = parley.api().raw("POST", "/api/admin/widget/logo",
                Map.of("Authorization", "Bearer " + admin, "Content-Type", "image/svg+xml"), SVG.getBytes(StandardCharsets.UTF_8));
        assertThat(svg.statusCode()).as("an SVG, whatever it is called").isEqualTo(415);
        HttpResponse<byte[]> big = parley.api().raw("POST", "/api/admin/widget/logo",
                Map.of("Authorization", "Bearer " + admin, "Content-Type", "image/png"), Arrays.copyOf(Images.PNG, 256 * 1024 + 1));
        assertThat(big.statusCode()).isEqualTo(413);
        HttpResponse<byte[]> fits = parley.api().raw("POST", "/api/admin/widget/logo",
                Map.of("Authorization", "Bearer " + admin, "Content-Type", "application/octet-stream"), Arrays.copyOf(Images.PNG, 256 * 1024));
        assertThat(fits.statusCode()).as("a PNG of exactly 256 KB (zeros after its end)").isEqualTo(201);

        Map<String, Object> look = new LinkedHashMap<>();
        look.put("title", "Chat");
        look.put("color", "#2d5bd3");
        look.put("position", "right");
        look.put("launcherText", "");
        look.put("logoUrl", "/api/widget/logos/" + "0".repeat(64));
        assertThat(parley.api().call("PUT", "/api/admin/widget", admin, look).detail()).isEqualTo("That logo is no longer stored: upload it again");
        assertThat(parley.api().get("/api/widget/logos/" + "0".repeat(64), null).status()).isEqualTo(404);

        String preview = parley.api().raw("GET", "/widget/preview.html", Map.of(), null).headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(preview).endsWith("frame-ancestors 'self'");
        String frame = parley.api().raw("GET", "/widget/frame.html", Map.of(), null).headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(frame).endsWith("frame-ancestors 'self' " + shopOrigin() + " " + OTHER_SITE);
    }

    private static Locator chatTitle(FrameLocator chat, String title) {
        return chat.getByRole(AriaRole.HEADING, new FrameLocator.GetByRoleOptions().setName(title));
    }

    private static JsonNode config() {
        return parley.api().get("/api/widget/config", null).body();
    }

    private static String lastAudit(String action) {
        return parley.api().get("/api/admin/audit?action=" + action, parley.freshAdminToken()).body().path("items").get(0).path("detail").asText();
    }
}
