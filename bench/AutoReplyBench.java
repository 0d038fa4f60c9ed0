// Match time of the auto-reply engine (io.parley.autoreply.control.AutoReplyMatcher) with many canned responses:
// builds the engine from N generated responses (60 % partial, 30 % exact, 10 % keyword triggers over a vocabulary of
// 50,000 words), then times one match per visitor message for 200,000 generated messages, after a warm-up of as many.
// Prints p50/p99/p99.9/max in microseconds and how many messages matched. Run it with bench/auto-reply.sh.
//
// Usage: java -cp ejb/target/classes bench/AutoReplyBench.java [N]   (default 10000)

import io.parley.autoreply.control.AutoReplyMatcher;
import io.parley.autoreply.entity.CannedResponse;
import io.parley.autoreply.entity.MatchType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

public class AutoReplyBench {

    private static final int MESSAGES = 200_000;
    private static final Random RANDOM = new Random(4711);

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String[] words = new String[50_000];
        for (int i = 0; i < words.length; i++) {
            words[i] = word(i);
        }
        List<CannedResponse> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MatchType type = i % 10 < 6 ? MatchType.PARTIAL : i % 10 < 7 ? MatchType.KEYWORD : MatchType.EXACT;
            String trigger = switch (type) {
                case PARTIAL -> phrase(words, 2 + RANDOM.nextInt(3), " ", 2.5);
                case KEYWORD -> phrase(words, 3, ",", 1);
                case EXACT -> phrase(words, 1 + RANDOM.nextInt(5), " ", 2.5);
            };
            responses.add(new CannedResponse("r" + i, trigger, "answer " + i, type));
        }
        long built = System.nanoTime();
        AutoReplyMatcher matcher = new AutoReplyMatcher(responses);
        long buildMs = (System.nanoTime() - built) / 1_000_000;

        String[] messages = new String[MESSAGES];
        for (int i = 0; i < MESSAGES; i++) {
            messages[i] = phrase(words, 6 + RANDOM.nextInt(20), " ", 2.5) + (i % 3 == 0 ? "?" : ".");
        }
        int matched = 0;
        for (String message : messages) {
            matched += matcher.match(message).isPresent() ? 1 : 0;
        }
        long[] nanos = new long[MESSAGES];
        matched = 0;
        for (int i = 0; i < MESSAGES; i++) {
            long start = System.nanoTime();
            boolean hit = matcher.match(messages[i]).isPresent();
            nanos[i] = System.nanoTime() - start;
            matched += hit ? 1 : 0;
        }
        Arrays.sort(nanos);
        System.out.printf("%,d canned responses (built in %d ms), %,d messages of 6-25 words, %,d matched (%.0f%%)%n",
                count, buildMs, MESSAGES, matched, 100.0 * matched / MESSAGES);
        System.out.printf("match time: p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us%n",
                micros(nanos, 0.50), micros(nanos, 0.99), micros(nanos, 0.999), nanos[MESSAGES - 1] / 1000.0);
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * sorted.length))] / 1000.0;
    }

    /** Words with a few letters in common, so that phrases share first words as real ones do. */
    private static String word(int i) {
        String letters = "abcdefghiklmnoprstuvw";
        StringBuilder word = new StringBuilder();
        for (int n = i + 7; word.length() < 3 || n > 0; n /= letters.length()) {
            word.append(letters.charAt(n % letters.length()));
        }
        return word.toString();
    }

    /**
     * Words drawn with a skew towards the common ones ({@code skew} 1: none), as in real text; keywords are drawn
     * evenly, or nearly every message would hit one and end the search early.
     */
    private static String phrase(String[] words, int length, String separator, double skew) {
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i < length; i++) {
            double drawn = Math.pow(RANDOM.nextDouble(), skew);
            phrase.append(i == 0 ? "" : separator).append(words[(int) (drawn * words.length)]);
        }
        return phrase.toString();
    }
}
