package io.parley.systemtest.support;

import static java.util.stream.Collectors.joining;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The console as an agent or an admin sees it: found by roles, labels and what things say, the way a person (or a
 * screen reader) finds them. Keeps what the page wrote to the browser's console as errors, and has axe-core check the
 * page as it is.
 */
public final class ConsolePage {

    /**
     * The impacts axe-core gives that fail a test: what keeps someone from using a screen at all, or nearly, and what
     * makes it harder (a page without a heading of its own, landmarks inside one another). Only "minor" is let pass.
     */
    private static final Set<String> FAILING = Set.of("moderate", "serious", "critical");

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

    /** On "Choose your password", after signing in with a password Parley chose: replaces {@code current} with {@code chosen}. */
    public void choosePassword(String current, String chosen) {
        page.getByLabel("Current password").fill(current);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(chosen);
        page.getByLabel("New password again").fill(chosen);
        button("Save the password").click();
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

    /** Fails, listing each, on what axe-core finds moderate, serious or critical on the page as it is now ({@code screen}). */
    public void assertAccessible(String screen) {
        List<String> found = new AxeBuilder(page).analyze().getViolations().stream()
                .filter(rule -> FAILING.contains(rule.getImpact())).map(ConsolePage::describe).toList();
        if (!found.isEmpty()) {
            throw new AssertionError("axe-core on " + screen + ":\n" + String.join("\n", found));
        }
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(joining(", "));
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
