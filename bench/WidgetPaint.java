import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times the launcher's first paint on a page that embeds the widget: cold loads (a new browser context each, so nothing
 * is cached), in Debian's Chromium. An init script watches every animation frame from the start of the page; the first
 * frame in which the launcher has a size is the frame it is painted in. Prints the page's own first contentful paint
 * beside it, and the median and 95th percentile of both over the runs.
 * Usage: java -cp <system-tests' test classpath> bench/WidgetPaint.java URL RUNS
 */
public class WidgetPaint {

    static final String WATCH = """
            (() => {
              const look = () => {
                const host = document.querySelector('[data-parley]');
                const button = host && host.shadowRoot && host.shadowRoot.querySelector('button');
                if (button && button.getBoundingClientRect().width > 0) window.__launcherPaint = performance.now();
                else requestAnimationFrame(look);
              };
              requestAnimationFrame(look);
            })();
            """;

    public static void main(String[] args) {
        String url = args[0];
        int runs = Integer.parseInt(args[1]);
        List<Double> launcher = new ArrayList<>();
        List<Double> contentful = new ArrayList<>();
        try (Playwright playwright = Playwright.create();
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
                     .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
            for (int i = 0; i < runs + 3; i++) {
                try (BrowserContext context = browser.newContext()) {
                    Page page = context.newPage();
                    page.addInitScript(WATCH);
                    page.navigate(url);
                    page.waitForFunction("window.__launcherPaint !== undefined");
                    if (i < 3) {
                        continue; // warm-up: the server's and the browser's first loads
                    }
                    launcher.add(((Number) page.evaluate("window.__launcherPaint")).doubleValue());
                    contentful.add(((Number) page.evaluate(
                            "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1")).doubleValue());
                }
            }
        }
        System.out.printf("launcher first paint over %d cold loads: median %.1f ms, p95 %.1f ms (page's first contentful paint: median %.1f ms, p95 %.1f ms)%n",
                runs, percentile(launcher, 50), percentile(launcher, 95), percentile(contentful, 50), percentile(contentful, 95));
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
