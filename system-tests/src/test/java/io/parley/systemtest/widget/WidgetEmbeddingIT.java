package io.parley.systemtest.widget;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.FilePayload;
import io.parley.systemtest.support.Chromium;
import io.parley.systemtest.support.Chromium.RunningChromium;
import io.parley.systemtest.support.Images;
import io.parley.systemtest.support.WidgetDesk;
import io.parley.systemtest.support.WidgetDesk.RunningDesk;
import io.parley.systemtest.support.WidgetPage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The widget on other people's pages: one script tag (twice, even) on a shop of another origin whose CSS tries to
 * break it, the JavaScript API, keyboard and screen-reader use, the admin's look, a phone, dark mode, images.
 */
@ExtendWith({WidgetDesk.class, Chromium.class})
class WidgetEmbeddingIT {

    /** A customer's page on another origin, with styles and scripts that would break a widget drawn into the page. */
    static String shopPage(RunningDesk desk) {
        String script = "<script async src=\"" + desk.url("/widget/parley.js") + "\"></script>";
        return "<!doctype html><html><head><title>Shop</title><meta name=\"color-scheme\" content=\"dark\">"
                + "<script>window.ParleySettings = {theme: 'host'};</script><style>"
                + "*{font-size:40px!important;color:red!important;background:yellow!important}"
                + "button,iframe{display:none!important;position:static!important}div{opacity:.1!important}</style></head>"
                + "<body><h1>The shop</h1><a href=\"#\">Products</a>" + script + script + "</body></html>";
    }

    /**
     * The shop is served by WireMock on 127.0.0.1: another origin than the widget's localhost, and a real server (a
     * page Chromium thought public could not load scripts from this machine at all: Private Network Access).
     */
    static WidgetPage onTheShop(BrowserContext context, RunningDesk desk) {
        desk.llm().stubFor(get(urlEqualTo("/shop/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(shopPage(desk))));
        return WidgetPage.open(context, desk.llm().baseUrl() + "/shop/");
    }

    @Test
    void oneScriptTagTwiceOnAShopOfAnotherOriginMakesOneWidgetThatTheShopsCssCannotBreak(RunningDesk desk, RunningChromium chromium) {
        desk.answers("Hello from the desk.", List.of());
        try (BrowserContext visitor = chromium.visitor(1280, 800)) {
            WidgetPage widget = onTheShop(visitor, desk);
            assertThat(widget.launcher()).isVisible();
            assertThat(widget.page().locator("[data-parley]")).hasCount(1);
            assertThat(widget.launcher()).hasCSS("font-size", "15px");
            assertThat(widget.page().locator("[data-parley]")).hasCSS("opacity", "1");

            widget.page().evaluate("Parley.setUser({name: 'Grace Shopper', email: 'grace@shop.example'})");
            widget.page().evaluate("Parley.open()");
            assertThat(widget.frame()).isVisible();
            assertThat(widget.launcher()).hasAttribute("aria-expanded", "true");
            widget.say("Is my parcel on its way?");
            assertThat(widget.stored()).hasCount(2);
            assertThat(widget.chat().locator(".from-bot").last()).containsText("Hello from the desk.");
            // dark, as the shop is
            assertThat(widget.chat().locator(".list")).hasCSS("background-color", "rgb(13, 17, 23)");
            assertThat(desk.sessionOf(widget.sessionId()).path("visitor").path("name").asText()).as("setUser").isEqualTo("Grace Shopper");

            // a message to the page from anyone but the chat's frame is ignored
            widget.page().evaluate("window.postMessage({parley: 1, message: {type: 'close'}}, '*')");
            widget.page().waitForTimeout(300);
            assertThat(widget.frame()).isVisible();

            widget.page().evaluate("Parley.close()");
            assertThat(widget.frame()).isHidden();
            widget.page().evaluate("Parley.toggle()");
            assertThat(widget.frame()).isVisible();
        }
    }

    @Test
    void aSiteThatBundlesItsScriptsImportsTheEsModuleAndStartsItWithInit(RunningDesk desk, RunningChromium chromium) {
        String page = "<!doctype html><html><head><title>Bundled</title></head><body><h1>A shop with its own bundle</h1>"
                + "<script type=\"module\">import { init } from '" + desk.url("/widget/parley.es.js") + "';"
                + "window.chat = init({server: '" + desk.url("") + "'});</script></body></html>";
        desk.llm().stubFor(get(urlEqualTo("/bundled/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(page)));
        try (BrowserContext visitor = chromium.visitor(1280, 800)) {
            WidgetPage widget = WidgetPage.open(visitor, desk.llm().baseUrl() + "/bundled/");
            assertThat(widget.launcher()).isVisible();
            widget.page().evaluate("window.chat.open()");
            assertThat(widget.input()).isVisible();
            assertThat(widget.page().evaluate("typeof window.Parley")).as("the module adds no global").isEqualTo("undefined");
        }
    }

    @Test
    void theKeyboardOpensAndClosesItAndScreenReadersGetLabelsAndALiveLog(RunningDesk desk, RunningChromium chromium) {
        try (BrowserContext visitor = chromium.visitor(1280, 800)) {
            WidgetPage widget = WidgetPage.open(visitor, desk.url("/"));
            assertThat(widget.launcher()).hasAttribute("aria-label", "Open the chat");
            widget.launcher().focus();
            widget.page().keyboard().press("Enter");
            assertThat(widget.input()).isFocused();
            assertThat(widget.launcher()).hasAttribute("aria-expanded", "true");
            Locator log = widget.chat().getByRole(com.microsoft.playwright.options.AriaRole.LOG);
            assertThat(log).hasAttribute("aria-live", "polite");
            assertThat(widget.chat().getByLabel("Send an image")).isVisible();
            assertThat(widget.chat().getByLabel("Close the chat")).isVisible();

            widget.page().keyboard().press("Escape");
            assertThat(widget.frame()).isHidden();
            assertThat(widget.launcher()).isFocused();
            assertThat(widget.launcher()).hasAttribute("aria-expanded", "false");
        }
    }

    @Test
    void theAdminsLookOnADesktopAPhoneAndInTheDark(RunningDesk desk, RunningChromium chromium) {
        Map<String, Object> look = new LinkedHashMap<>();
        look.put("title", "Acme help");
        look.put("color", "#0a7d45");
        look.put("position", "left");
        look.put("launcherText", "Help");
        look.put("logoUrl", null);
        assertThat(desk.api().call("PUT", "/api/admin/widget", desk.admin(), look).status()).isEqualTo(200);
        try (BrowserContext desktop = chromium.visitor(1280, 800)) {
            WidgetPage widget = WidgetPage.open(desktop, desk.url("/"));
            assertThat(widget.launcher()).containsText("Help");
            assertThat(widget.launcher()).hasCSS("background-color", "rgb(10, 125, 69)");
            assertThat(widget.launcher().boundingBox().x).as("on the left").isLessThan(100);
            widget.screenshot("widget-launcher");
            widget.openChat();
            assertThat(widget.chat().locator("h1")).hasText("Acme help");
            assertThat(widget.chat().locator(".header")).hasCSS("background-color", "rgb(10, 125, 69)");
        } finally {
            look.put("title", "Chat with us");
            look.put("color", "#2d5bd3");
            look.put("position", "right");
            look.put("launcherText", "");
            desk.api().call("PUT", "/api/admin/widget", desk.admin(), look);
        }

        try (BrowserContext phone = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                .setIsMobile(true).setHasTouch(true))) {
            WidgetPage widget = WidgetPage.open(phone, desk.url("/"));
            widget.openChat();
            widget.say("Hi from my phone");
            BoundingBox box = widget.frame().boundingBox();
            assertThat(box.width).as("the chat fills a 360 px screen").isEqualTo(360);
            assertThat(box.height).isEqualTo(740);
            assertThat(widget.chat().locator(".from-user").first()).isVisible();
            widget.screenshot("widget-phone");
        }

        try (BrowserContext dark = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)
                .setColorScheme(ColorScheme.DARK))) {
            WidgetPage widget = WidgetPage.open(dark, desk.url("/"));
            widget.openChat();
            assertThat(widget.chat().locator(".list")).hasCSS("background-color", "rgb(13, 17, 23)");
            widget.screenshot("widget-dark");
        }
    }

    @Test
    void anImageGoesToTheConversationAndTheAssistantButAFileThatOnlyCallsItselfAnImageDoesNot(RunningDesk desk, RunningChromium chromium) {
        desk.answers("A nice picture of a parcel.", List.of());
        try (BrowserContext visitor = chromium.visitor(1280, 800)) {
            WidgetPage widget = WidgetPage.open(visitor, desk.url("/"));
            widget.openChat();
            Locator file = widget.chat().locator("input[type=file]");

            file.setInputFiles(new FilePayload("parcel.png", "image/png", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)));
            assertThat(widget.chat().getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).hasText("Only images can be sent: PNG, JPEG, GIF or WebP.");

            widget.input().fill("What is in this picture?");
            file.setInputFiles(new FilePayload("photo.png", "image/png", Images.PNG));
            Locator thumb = widget.chat().locator(".from-user img.thumb");
            assertThat(thumb).isVisible();
            assertThat(thumb).hasAttribute("alt", "Image you sent");
            assertThat(thumb).hasAttribute("src", Pattern.compile("^blob:"));
            assertThat(thumb.evaluate("img => img.decode().then(() => img.naturalWidth)")).as("the image itself, read with the session's headers").isEqualTo(1);
            assertThat(widget.chat().locator(".from-user").first()).containsText("What is in this picture?");
            assertThat(widget.chat().locator(".from-bot").last()).containsText("A nice picture of a parcel.");
            desk.llm().verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                    .withRequestBody(containing(Base64.getEncoder().encodeToString(Images.PNG))));
        }
    }
}
