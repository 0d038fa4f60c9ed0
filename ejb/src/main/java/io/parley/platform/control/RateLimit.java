package io.parley.platform.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.parley.platform.entity.BadSetting;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of something one key (a chat session, a client address) may use: {@code amount} per {@code window}, as a
 * token bucket per key that starts full and refills evenly over the window, so a burst up to the amount passes and a
 * steady stream is held to the rate. Kept in this node's memory and nowhere else: nothing on the way asks the database,
 * and a cluster of N nodes behind a balancer allows up to N times the amount. A key unused for a whole window has a full
 * bucket again and is forgotten; at most {@value #MAX_KEYS} keys are kept (the least recently used go first), so a flood
 * of made-up keys cannot exhaust the memory.
 * <p>
 * Written as a setting {@code "<amount>/<window>"}, the window in seconds, minutes or hours: {@code 20/30s},
 * {@code 600/1m}, {@code 5/1h}.
 */
public final class RateLimit {

    static final long MAX_KEYS = 100_000;
    private static final Pattern SETTING = Pattern.compile("\\s*(\\d{1,12})\\s*/\\s*(\\d{1,6})\\s*([smh])\\s*");

    private final long amount;
    private final Duration window;
    private final Cache<String, Bucket> buckets;

    RateLimit(long amount, Duration window) {
        this.amount = amount;
        this.window = window;
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(window).build();
    }

    /**
     * Reads a setting such as {@code 20/30s}.
     * @throws BadSetting naming the setting and what it should look like
     */
    public static RateLimit parse(String setting, String text) {
        Matcher matcher = SETTING.matcher(text == null ? "" : text);
        long amount = matcher.matches() ? Long.parseLong(matcher.group(1)) : 0;
        long count = matcher.matches() ? Long.parseLong(matcher.group(2)) : 0;
        if (amount < 1 || count < 1) {
            throw new BadSetting(setting, "is '" + text + "': it must be an amount per window such as 20/30s, 600/1m or 5/1h");
        }
        Duration window = switch (matcher.group(3)) {
            case "s" -> Duration.ofSeconds(count);
            case "m" -> Duration.ofMinutes(count);
            default -> Duration.ofHours(count);
        };
        return new RateLimit(amount, window);
    }

    /**
     * Takes {@code units} from the key's allowance.
     * @return how long the key must wait before that much is allowed again, if it is not allowed now (nothing is taken then)
     */
    public Optional<Duration> take(String key, long units) {
        if (units > amount) {
            return Optional.of(window);
        }
        ConsumptionProbe probe = buckets.get(key, k -> newBucket()).tryConsumeAndReturnRemaining(units);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Gives back what {@link #take} took, when the action it was taken for was refused after all. */
    public void giveBack(String key, long units) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.addTokens(units);
        }
    }

    /** How long until the key has anything left, if it has nothing now (a key never seen has all of it). */
    public Optional<Duration> untilAvailable(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        EstimationProbe probe = bucket == null ? null : bucket.estimateAbilityToConsume(1);
        return probe == null || probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    public long amount() {
        return amount;
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(limit -> limit.capacity(amount).refillGreedy(amount, window)).build();
    }

    @Override
    public String toString() {
        return amount + " per " + window.toString().substring(2).toLowerCase();
    }
}
