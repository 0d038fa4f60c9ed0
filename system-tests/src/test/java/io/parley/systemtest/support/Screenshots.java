package io.parley.systemtest.support;

import com.microsoft.playwright.Page;
import java.nio.file.Path;

/**
 * Pictures of what the browser tests see, kept under system-tests/target/screenshots/; docs/screenshots/ takes them
 * from there only when someone runs docs/refresh-screenshots.sh on purpose (a test run leaves the working tree as it was).
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static void take(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(System.getProperty("parley.repo", ".."), "system-tests", "target", "screenshots", name + ".png")));
    }
}
