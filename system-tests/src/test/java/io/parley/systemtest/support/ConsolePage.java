package io.parley.systemtest.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;

/**
 * The console as an agent or an admin sees it: found by roles, labels and what things say, the way a person (or a
 * screen reader) finds them. Keeps what the page wrote to the browser's console as errors.
 */
public final class ConsolePage {

    private final Page page;
    private final List<String> errors = new ArrayList<>();

    private ConsolePage(Page page) {
        this.page = page;
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                errors.add(message.text());
            }
        });
        page.onPageError(errors::add);
    }

    public static ConsolePage open(BrowserContext context, String url) {
        ConsolePage console = new ConsolePage(context.newPage());
        console.page.navigate(url);
        return console;
    }

    public Page page() {
        return page;
    }

    public void signIn(String email, String password) {
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        button("Sign in").click();
    }

    public Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    public Locator link(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The conversations of the view shown, as the list has them. */
    public Locator conversations() {
        return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Conversation list")).getByRole(AriaRole.LINK);
    }

    /** What the open conversation shows, in order: messages and notes. */
    public Locator transcript() {
        return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Messages")).locator("li.message, li.note");
    }

    public Locator reply() {
        return page.getByLabel("Message to the visitor");
    }

    public void screenshot(String name) {
        Screenshots.take(page, name);
    }

    /**
     * What the page logged as errors, but for the browser's own lines about connections a test cut or requests the
     * server refused on purpose (the console itself logs nothing then).
     */
    public List<String> errors() {
        return errors.stream().filter(error -> !error.contains("WebSocket connection to") && !error.contains("Failed to load resource")).toList();
    }
}
