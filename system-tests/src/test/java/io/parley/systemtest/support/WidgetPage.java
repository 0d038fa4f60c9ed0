package io.parley.systemtest.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;

/**
 * A page with the widget on it, as a visitor sees it: the launcher on the page, the chat in its frame. Locators find
 * things by what they say and their accessible names, the way a visitor (or a screen reader) would.
 */
public final class WidgetPage {

    private final Page page;

    private WidgetPage(Page page) {
        this.page = page;
    }

    public static WidgetPage open(BrowserContext context, String url) {
        Page page = context.newPage();
        page.navigate(url);
        return new WidgetPage(page);
    }

    public Page page() {
        return page;
    }

    public Locator launcher() {
        return page.locator("[data-parley] button.launcher");
    }

    public Locator frame() {
        return page.locator("[data-parley] iframe");
    }

    public FrameLocator chat() {
        return page.frameLocator("[data-parley] iframe");
    }

    public Locator input() {
        return chat().getByLabel("Message", new FrameLocator.GetByLabelOptions().setExact(true));
    }

    /** The stored messages shown, in order (the welcome and messages on their way are not in it). */
    public Locator stored() {
        return chat().locator(".list .msg[data-seq]");
    }

    public List<String> transcript() {
        return stored().allInnerTexts();
    }

    /** The chat's frame itself, for what only a script can tell (what the widget keeps in its storage). */
    public com.microsoft.playwright.Frame chatFrame() {
        return page.frames().stream().filter(f -> f.url().contains("/widget/frame.html")).findFirst()
                .orElseThrow(() -> new AssertionError("The chat's frame is not on the page"));
    }

    /** The id of the visitor's session, as the widget keeps it (waiting for the server to have started it). */
    public String sessionId() {
        return (String) chatFrame().waitForFunction("() => JSON.parse(localStorage.getItem('parley.chat') || 'null')?.session?.sessionId")
                .jsonValue();
    }

    public void openChat() {
        launcher().click();
        input().waitFor();
    }

    public void say(String text) {
        input().fill(text);
        input().press("Enter");
    }

    public Locator button(String name) {
        return chat().getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Keeps a picture of this state ({@link Screenshots}). */
    public void screenshot(String name) {
        Screenshots.take(page, name);
    }
}
