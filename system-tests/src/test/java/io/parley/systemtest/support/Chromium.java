package io.parley.systemtest.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test the machine's Chromium (Debian's package, {@code chromium.path}), driven by Playwright, one browser per
 * run. Playwright never downloads a browser here (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD, set by the build).
 */
public final class Chromium implements ParameterResolver {

    /** Flags for a machine without a display, sandbox or outside network (background requests would be refused). */
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningChromium.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningChromium.class, key -> RunningChromium.launch(), RunningChromium.class);
    }

    public record RunningChromium(Playwright playwright, Browser browser) implements ExtensionContext.Store.CloseableResource {

        static RunningChromium launch() {
            Path executable = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException("No Chromium at " + executable + ": ./parley test installs Debian's package (apt-get install chromium)");
            }
            Playwright playwright = Playwright.create();
            return new RunningChromium(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable).setHeadless(true).setArgs(FLAGS)));
        }

        /** A new window with its own storage (a new visitor), of the given size. */
        public BrowserContext visitor(int width, int height) {
            return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        }

        /** A new window of a touch screen without a mouse, a tablet's, of the given size (its own storage too). */
        public BrowserContext tablet(int width, int height) {
            return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setIsMobile(true).setHasTouch(true));
        }

        @Override
        public void close() {
            playwright.close();
        }
    }
}
