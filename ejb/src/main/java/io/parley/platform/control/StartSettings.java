package io.parley.platform.control;

import io.parley.platform.entity.BadSetting;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules for settings that would otherwise break the start or every request later: whole numbers that must be
 * above zero, a choice among words, a fraction, a regular expression, a yes or no. A setting that is not set keeps its
 * default, which is right.
 */
public final class StartSettings {

    static final List<String> POSITIVE_WHOLE_NUMBERS = List.of(
            "parley.http.max-body-bytes", "parley.chat.max-text-length", "parley.chat.max-frame-bytes",
            "parley.chat.max-attachment-bytes", "parley.chat.session-timeout-seconds",
            "parley.auth.max-failures-per-email", "parley.auth.max-failures-per-address",
            "parley.auth.failure-window-minutes", "parley.auth.password-min-length", "parley.auth.pbkdf2-iterations",
            "parley.routing.default-capacity", "parley.routing.request-timeout-seconds", "parley.routing.accept-timeout-seconds",
            "parley.assistant.anthropic.max-tokens", "parley.assistant.context-limit", "parley.assistant.budget-seconds",
            "parley.assistant.max-calls-per-session", "parley.assistant.max-tokens-per-session",
            "parley.autoreply.max-import-bytes", "parley.autoreply.max-import-rows");
    /** The abuse limits ({@link RateLimit}); those of bytes must let one image of the largest size through. */
    static final List<String> LIMITS = List.of("parley.limits.session-messages", "parley.limits.address-messages",
            "parley.limits.address-sessions", "parley.limits.session-agent-requests", "parley.limits.address-agent-requests",
            "parley.limits.session-attachments", "parley.limits.address-attachments", "parley.limits.address-tickets",
            "parley.limits.address-refusals", "parley.limits.admin-playground");
    static final List<String> BYTE_LIMITS = List.of("parley.limits.session-attachment-bytes", "parley.limits.address-attachment-bytes");
    /** 0 makes every token expired when it is issued: of use to tests of expiry only, but it breaks nothing. */
    static final List<String> WHOLE_NUMBERS = List.of("parley.auth.token-minutes", "parley.notifications.coalesce-seconds");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}");

    private StartSettings() {
    }

    /** @param values a setting's value by its key, empty when it is not set. @throws BadSetting for the first that is wrong */
    public static void check(Function<String, Optional<String>> values) {
        POSITIVE_WHOLE_NUMBERS.forEach(key -> values.apply(key).map(String::strip).ifPresent(value -> {
            if (!WHOLE_NUMBER.matcher(value).matches() || Integer.parseInt(value) == 0) {
                throw new BadSetting(key, "is '" + value + "': it must be a whole number above 0");
            }
        }));
        WHOLE_NUMBERS.forEach(key -> values.apply(key).map(String::strip).filter(value -> !WHOLE_NUMBER.matcher(value).matches())
                .ifPresent(value -> {
                    throw new BadSetting(key, "is '" + value + "': it must be a whole number, 0 or more");
                }));
        LIMITS.forEach(key -> values.apply(key).ifPresent(value -> RateLimit.parse(key, value)));
        long largestImage = values.apply("parley.chat.max-attachment-bytes").map(String::strip).map(Long::parseLong).orElse(0L);
        BYTE_LIMITS.forEach(key -> values.apply(key).map(value -> RateLimit.parse(key, value)).filter(limit -> limit.amount() < largestImage)
                .ifPresent(limit -> {
                    throw new BadSetting(key, "allows " + limit.amount() + " bytes per window: less than one image of parley.chat.max-attachment-bytes ("
                            + largestImage + ")");
                }));
        values.apply("parley.routing.strategy").map(String::strip).filter(value -> !List.of("least-loaded", "round-robin").contains(value))
                .ifPresent(value -> {
                    throw new BadSetting("parley.routing.strategy", "is '" + value + "': it must be least-loaded or round-robin");
                });
        values.apply("parley.assistant.min-confidence").map(String::strip).filter(value -> !fraction(value)).ifPresent(value -> {
            throw new BadSetting("parley.assistant.min-confidence", "is '" + value + "': it must be a number from 0 to 1");
        });
        values.apply("parley.assistant.handoff-phrases").ifPresent(StartSettings::requireRegularExpression);
        for (String key : List.of("force.tls", "redact.pii")) {
            values.apply(key).map(String::strip).filter(value -> !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false"))
                    .ifPresent(value -> {
                        throw new BadSetting(key, "is '" + value + "': it must be true or false");
                    });
        }
    }

    private static boolean fraction(String value) {
        try {
            double number = Double.parseDouble(value);
            return number >= 0 && number <= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void requireRegularExpression(String value) {
        try {
            Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new BadSetting("parley.assistant.handoff-phrases", "is not a regular expression: " + e.getDescription()
                    + " near position " + e.getIndex());
        }
    }
}
