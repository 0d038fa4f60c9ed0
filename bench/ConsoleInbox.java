import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console with a full inbox, in Debian's Chromium: seeds CONVERSATIONS visitors over /ws/chat (some waiting for a
 * person, some assigned to the admin, some resolved, the rest with the assistant), then
 * (1) signs in RUNS times, each in a cold browser context, timing from the press of "Sign in" to the first frame in
 * which the inbox list shows a conversation; and
 * (2) signed in, in the "All" view, scrolls the conversation list down to its end (as long as more rows appear) and back
 * for SECONDS while the visitors send 20 messages a second, counting animation frames, long tasks and rows in the page.
 * Usage: java -cp <system-tests' test classpath> bench/ConsoleInbox.java URL EMAIL PASSWORD CONVERSATIONS RUNS SECONDS
 * The visitors keep their sockets open throughout and come from addresses of their own (X-Forwarded-For 10.x.y.z; the
 * script trusts the loopback as a proxy), as on the internet, so the abuse limits per address see one visitor each.
 */
public class ConsoleInbox {

    static final double STREAM_PER_SECOND = 20;
    /** How fast the list is scrolled: a quick flick of the wheel, about 100 px a frame at 60 fps. */
    static final double SCROLL_PX_PER_SECOND = 6000;
    static final Pattern REF = Pattern.compile("\"ref\":\"([^\"]+)\"");
    /** Stream messages the server refused (an abuse limit, say): the stream's rate is what was sent less these. */
    static final AtomicLong REFUSED = new AtomicLong();

    /** The conversation list by its accessible name ("Conversation list" now; "Conversations" would do as well). */
    static final Pattern LIST_NAME = Pattern.compile("^Conversation");

    /**
     * In every page: the click on "Sign in" and the first frame with a conversation in the list, and how to find that list
     * (a list whose accessible name starts with "Conversation", whatever element makes it one).
     */
    static final String WATCH = """
            (() => {
              window.__conversationList = () => [...document.querySelectorAll('ul, ol, [role=list]')].find((list) => {
                const by = list.getAttribute('aria-labelledby');
                const name = by ? by.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
                                : list.getAttribute('aria-label') ?? '';
                return /^Conversation/.test(name.trim());
              });
              document.addEventListener('click', (event) => {
                if (event.target.closest?.('button[type=submit]')) window.__pressed = performance.now();
              }, true);
              const look = () => {
                const row = window.__pressed !== undefined && window.__conversationList()?.querySelector('li, [role=listitem]');
                if (row && row.getBoundingClientRect().height > 0) window.__listPaint = performance.now();
                else requestAnimationFrame(look);
              };
              requestAnimationFrame(look);
            })();
            """;

    /**
     * Scrolls the list's scrolling box (the list itself, or its nearest ancestor that scrolls) in steps each animation
     * frame: down to the end, waiting there up to 3 s for more rows while it has grown since it last waited (a list that
     * loads more as one reaches its end), then back up, and again, for the given seconds or until it has been down and
     * back once, whichever is longer. Counts every frame, the long tasks, the rows in the DOM at once and the deepest row
     * reached; resolves with the figures.
     */
    static final String SCROLL = """
            ([seconds, speed, wanted]) => new Promise((done) => {
              const list = () => window.__conversationList();
              const scroller = () => {
                for (let node = list(); node; node = node.parentElement) {
                  const overflow = getComputedStyle(node).overflowY;
                  if ((overflow === 'auto' || overflow === 'scroll') && node.scrollHeight > node.clientHeight + 1) return node;
                }
                return document.scrollingElement;
              };
              const longTasks = [];
              const observer = new PerformanceObserver((entries) => longTasks.push(...entries.getEntries()));
              observer.observe({ type: 'longtask' });
              const frames = [];
              let deepest = 0, mostInDom = 0, down = true, passes = 0, waitingSince = null, waitedAt = -1, last = null;
              const start = performance.now();
              const frame = (now) => {
                frames.push(now);
                const box = scroller();
                const rows = list()?.querySelectorAll('li, [role=listitem]') ?? [];
                mostInDom = Math.max(mostInDom, rows.length);
                if (frames.length % 4 === 0) {
                  // the deepest row reached: its aria-posinset or data-index where a virtual list gives one, else its
                  // place by its offset in rows of the average height (rows with a badge are taller)
                  const top = box.getBoundingClientRect().top - box.scrollTop;
                  const boxes = [...rows].map((row) => row.getBoundingClientRect());
                  const height = boxes.reduce((sum, row) => sum + row.height, 0) / boxes.length;
                  rows.forEach((row, i) => {
                    const place = Number(row.getAttribute('aria-posinset')) || (row.hasAttribute('data-index') && Number(row.dataset.index) + 1)
                        || (height > 0 ? 1 + Math.round((boxes[i].top - top) / height) : 0);
                    deepest = Math.max(deepest, place);
                  });
                }
                const step = last === null ? 0 : speed * Math.min(100, now - last) / 1000;
                last = now;
                if (down) {
                  const atEnd = box.scrollTop + box.clientHeight >= box.scrollHeight - 2;
                  if (!atEnd) {
                    box.scrollTop += step;
                    waitingSince = null;
                  } else if (deepest < wanted && box.scrollHeight !== waitedAt && (waitingSince ??= now) > now - 3000) {
                    // at the end of what is loaded: more may be on the way
                  } else {
                    if (waitingSince !== null) waitedAt = box.scrollHeight;
                    waitingSince = null;
                    down = false;
                  }
                } else if (box.scrollTop > 0) {
                  box.scrollTop -= step;
                } else {
                  down = true;
                  passes++;
                }
                // at least the seconds asked for, and at least once down and back (a long list at this speed takes longer)
                if (now - start < seconds * 1000 || (passes === 0 && now - start < seconds * 4000)) {
                  requestAnimationFrame(frame);
                  return;
                }
                observer.disconnect();
                const end = frames[frames.length - 1];
                let worst = Infinity;
                for (let i = 0, j = 0; i < frames.length && frames[i] + 1000 <= end; i++) {
                  while (j < frames.length && frames[j] < frames[i] + 1000) j++;
                  worst = Math.min(worst, j - i);
                }
                const tasks = longTasks.filter((task) => task.startTime >= start).map((task) => task.duration);
                done({
                  seconds: (end - start) / 1000,
                  fps: (frames.length - 1) / ((end - frames[0]) / 1000),
                  worstSecond: worst === Infinity ? frames.length : worst,
                  longTasks: tasks.length,
                  longTaskMs: tasks.reduce((a, b) => a + b, 0),
                  longestTaskMs: Math.max(0, ...tasks),
                  reachable: deepest,
                  box: `${box.tagName.toLowerCase()}.${box.className} ${box.clientHeight}/${box.scrollHeight} px at ${box.scrollTop}`,
                  mostInDom,
                  passes,
                  heap: performance.memory?.usedJSHeapSize ?? -1,
                });
              };
              requestAnimationFrame(frame);
            })
            """;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String email = args[1];
        String password = args[2];
        int conversations = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);

        Seed seed = new Seed(url, email, password);
        long seeding = System.nanoTime();
        seed.visitors(conversations);
        System.out.printf("seeded %d conversations in %.1f s: %s%n", conversations, (System.nanoTime() - seeding) / 1e9, seed.views());

        List<Double> signIn = new ArrayList<>();
        List<Double> answered = new ArrayList<>();
        Map<String, Object> scrolled;
        long streamed;
        try (Playwright playwright = Playwright.create();
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
                     .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             // performance.memory in exact bytes rather than coarse buckets
                             "--enable-precise-memory-info")))) {
            for (int i = 0; i < runs + 3; i++) {
                try (BrowserContext context = browser.newContext()) {
                    double[] took = signIn(context.newPage(), url, email, password);
                    if (i >= 3) { // the first three warm the server and the browser up
                        signIn.add(took[0]);
                        answered.add(took[1]);
                    }
                }
            }
            try (BrowserContext context = browser.newContext()) {
                Page page = context.newPage();
                signIn(page, url, email, password);
                page.navigate(url + "/admin/#/inbox/all");
                Locator list = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName(LIST_NAME));
                list.getByRole(AriaRole.LISTITEM).first().waitFor();
                page.waitForTimeout(1000);
                seed.stream(STREAM_PER_SECOND);
                page.waitForTimeout(2000); // the stream under way before the counting starts
                long streamStart = seed.sent.get();
                @SuppressWarnings("unchecked")
                Map<String, Object> figures = (Map<String, Object>) page.evaluate(SCROLL, List.of(seconds, SCROLL_PX_PER_SECOND, conversations));
                scrolled = figures;
                streamed = seed.sent.get() - streamStart;
                seed.stopStream();
            }
        }

        System.out.printf("%n| measure | figure |%n|---|---|%n");
        System.out.printf("| sign-in to the first conversation shown (%d cold contexts) | median %.1f ms, p95 %.1f ms |%n",
                runs, percentile(signIn, 50), percentile(signIn, 95));
        System.out.printf("| of which until /api/auth/login has answered | median %.1f ms, p95 %.1f ms |%n",
                percentile(answered, 50), percentile(answered, 95));
        System.out.printf("| frames while scrolling %.1f s under %.0f msg/s (%d sent, %d refused) | average %.1f fps, worst second %s fps |%n",
                number(scrolled, "seconds"), STREAM_PER_SECOND, streamed, REFUSED.get(), number(scrolled, "fps"), scrolled.get("worstSecond"));
        System.out.printf("| long tasks (> 50 ms) | %s, %.0f ms together, longest %.0f ms |%n",
                scrolled.get("longTasks"), number(scrolled, "longTaskMs"), number(scrolled, "longestTaskMs"));
        System.out.printf("| rows reachable by scrolling / in the DOM at once | %s of %d / %s (%s passes down and back) |%n",
                scrolled.get("reachable"), conversations, scrolled.get("mostInDom"), scrolled.get("passes"));
        System.out.printf("| JS heap used at the end | %.1f MB |%n", number(scrolled, "heap") / 1e6);
        System.out.printf("%nscrolled: %s (visible/scroll height, position at the end)%n", scrolled.get("box"));
        seed.close();
        System.exit(0);
    }

    /**
     * Signs in from a cold page and answers the times from the press of "Sign in" to the first conversation painted, and
     * to the end of the sign-in request's answer (the rest is the console's: its inbox query, its socket, its render).
     */
    static double[] signIn(Page page, String url, String email, String password) {
        page.addInitScript(WATCH);
        page.navigate(url + "/admin/");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForFunction("() => window.__listPaint !== undefined");
        @SuppressWarnings("unchecked")
        List<Number> times = (List<Number>) page.evaluate("""
                () => [window.__listPaint - window.__pressed,
                       performance.getEntriesByType('resource').find((r) => r.name.endsWith('/api/auth/login')).responseEnd - window.__pressed]""");
        return new double[] {times.get(0).doubleValue(), times.get(1).doubleValue()};
    }

    static double number(Map<String, Object> figures, String key) {
        return ((Number) figures.get(key)).doubleValue();
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** The conversations, made as visitors make them (over the wire protocol), and the admin's hand in them (REST). */
    static final class Seed {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final String url;
        final String token;
        final String adminId;
        /** The sockets of the conversations still open, which the stream writes into. */
        final List<Visitor> open = Collections.synchronizedList(new ArrayList<>());
        final List<Visitor> all = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong sent = new AtomicLong();
        final ScheduledExecutorService streamer = Executors.newSingleThreadScheduledExecutor();

        Seed(String url, String email, String password) throws Exception {
            this.url = url;
            String signedIn = send("POST", "/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
            token = field(signedIn, "token");
            adminId = field(signedIn.substring(signedIn.indexOf("\"user\"")), "id");
        }

        /**
         * Every visitor starts a session and writes; of every ten, three then ask for a person (queued: nobody is online),
         * two ask and are assigned to the admin (the "Mine" view the console opens on), one is resolved, and four stay
         * with the assistant.
         */
        void visitors(int count) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<CompletableFuture<Void>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                made.add(CompletableFuture.runAsync(() -> {
                    try {
                        visitor(n);
                    } catch (Exception failed) {
                        throw new IllegalStateException("visitor " + n + ": " + failed.getMessage(), failed);
                    }
                }, pool));
            }
            CompletableFuture.allOf(made.toArray(CompletableFuture[]::new)).join();
            pool.shutdown();
        }

        void visitor(int n) throws Exception {
            Visitor visitor = new Visitor(http, url, "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255));
            all.add(visitor);
            String sessionId = field(visitor.call("start_session", "{\"userMeta\":{\"name\":\"Visitor " + n + "\",\"email\":\"visitor" + n + "@example.com\"}}"), "sessionId");
            visitor.call("user_message", "{\"text\":\"Hello, a question about my order " + n + "\",\"clientMsgId\":\"seed-" + n + "\"}");
            int kind = n % 10;
            if (kind >= 1 && kind <= 5) {
                visitor.call("request_agent", "{}");
            }
            if (kind == 1 || kind == 2) {
                send("PUT", "/api/admin/sessions/" + sessionId + "/assign", "{\"agentId\":\"" + adminId + "\"}", token);
            }
            if (kind == 0) {
                send("PUT", "/api/admin/sessions/" + sessionId + "/close", null, token);
            } else {
                open.add(visitor);
            }
        }

        /** How many conversations each of the admin's views holds now. */
        String views() throws Exception {
            StringBuilder views = new StringBuilder();
            for (String view : List.of("all", "mine", "unassigned", "resolved")) {
                String page = send("GET", "/api/admin/sessions?view=" + view + "&size=1", null, token);
                Matcher total = Pattern.compile("\"total\":(\\d+)").matcher(page);
                views.append(view).append(' ').append(total.find() ? total.group(1) : "?").append(view.equals("resolved") ? "" : ", ");
            }
            return views.toString();
        }

        /** Visitor messages at the given rate, each to one of the open conversations at random. */
        void stream(double perSecond) {
            streamer.scheduleAtFixedRate(() -> {
                long n = sent.incrementAndGet();
                Visitor visitor = open.get(ThreadLocalRandom.current().nextInt(open.size()));
                visitor.send("user_message", "{\"text\":\"One more thing (" + n + ")\",\"clientMsgId\":\"stream-" + n + "\"}", "s" + n);
            }, 0, (long) (1_000_000 / perSecond), TimeUnit.MICROSECONDS);
        }

        void stopStream() {
            streamer.shutdownNow();
        }

        void close() {
            all.forEach(visitor -> visitor.socket.abort());
        }

        String send(String method, String path, String json, String bearer) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }

        static String field(String json, String name) {
            Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
            if (!value.find()) {
                throw new IllegalStateException("no " + name + " in " + json);
            }
            return value.group(1);
        }
    }

    /** One visitor's socket: frames with a ref are answered by an ack or an error with that ref. */
    static final class Visitor implements WebSocket.Listener {
        final Map<String, CompletableFuture<String>> answers = new ConcurrentHashMap<>();
        final StringBuilder partial = new StringBuilder();
        final WebSocket socket;
        int refs;

        Visitor(HttpClient http, String url, String address) {
            socket = http.newWebSocketBuilder().header("X-Forwarded-For", address)
                    .buildAsync(URI.create(url.replaceFirst("^http", "ws") + "/ws/chat"), this).join();
        }

        /** Sends a frame and waits for its answer: the ack's text, or the error as an exception. */
        String call(String type, String data) throws Exception {
            String ref = "r" + ++refs;
            CompletableFuture<String> answer = new CompletableFuture<>();
            answers.put(ref, answer);
            send(type, data, ref);
            String text = answer.get(30, TimeUnit.SECONDS);
            if (text.startsWith("{\"type\":\"error\"")) {
                throw new IllegalStateException(type + " refused: " + text);
            }
            return text;
        }

        synchronized void send(String type, String data, String ref) {
            socket.sendText("{\"type\":\"" + type + "\",\"data\":" + data + ",\"ref\":\"" + ref + "\"}", true).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                Matcher ref = REF.matcher(text);
                if ((text.startsWith("{\"type\":\"ack\"") || text.startsWith("{\"type\":\"error\"")) && ref.find()) {
                    CompletableFuture<String> answer = answers.remove(ref.group(1));
                    if (answer != null) {
                        answer.complete(text);
                    } else if (text.startsWith("{\"type\":\"error\"")) {
                        REFUSED.incrementAndGet();
                    }
                }
            }
            socket.request(1);
            return null;
        }
    }
}
