package io.parley.autoreply.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a canned response says and when, as a person writes it (the console's form, a row of a workbook): the trigger,
 * the response, how the trigger is matched, an optional category and slash shortcut, and whether it answers at all.
 * The limits here are the columns' (V2, V18).
 */
public record CannedContent(String trigger, String response, MatchType matchType, String category, String shortcut, boolean active) {

    public static final int MAX_TRIGGER = 500;
    public static final int MAX_RESPONSE = 10_000;
    public static final int MAX_CATEGORY = 100;
    public static final int MAX_SHORTCUT = 50;
    /** A shortcut as typed after "/": letters, digits, - and _. */
    public static final String SHORTCUT_PATTERN = "[A-Za-z0-9_-]{1," + MAX_SHORTCUT + "}";
    private static final Pattern SHORTCUT = Pattern.compile(SHORTCUT_PATTERN);

    /** Trimmed; an empty category or shortcut is none, a shortcut in lower case without its "/". */
    public CannedContent {
        trigger = trigger == null ? null : trigger.strip();
        response = response == null ? null : response.strip();
        category = blankToNull(category);
        shortcut = shortcut(shortcut);
    }

    /** A shortcut as stored: without a leading "/", in lower case; blank is none. Not checked (see {@link #problems}). */
    public static String shortcut(String typed) {
        String shortcut = blankToNull(typed);
        if (shortcut != null && shortcut.startsWith("/")) {
            shortcut = blankToNull(shortcut.substring(1));
        }
        return shortcut == null ? null : shortcut.toLowerCase(Locale.ROOT);
    }

    /** What is wrong with its texts, in words a person understands; empty when they can be stored. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        tooLong(problems, "trigger", trigger, MAX_TRIGGER);
        tooLong(problems, "response", response, MAX_RESPONSE);
        if (category != null && category.length() > MAX_CATEGORY) {
            problems.add("The category is longer than " + MAX_CATEGORY + " characters (it has " + category.length() + ").");
        }
        if (shortcut != null && !SHORTCUT.matcher(shortcut).matches()) {
            problems.add("“/" + shortcut + "” is not a shortcut: use letters, digits, - and _ only, at most " + MAX_SHORTCUT
                    + " of them, such as /refund.");
        }
        return problems;
    }

    private static void tooLong(List<String> problems, String what, String value, int max) {
        if (value == null || value.isEmpty()) {
            problems.add("The " + what + " is empty.");
        } else if (value.length() > max) {
            problems.add("The " + what + " is longer than " + String.format(Locale.ROOT, "%,d", max) + " characters (it has "
                    + String.format(Locale.ROOT, "%,d", value.length()) + ").");
        }
    }

    /** The fields in which {@code other} differs from this, by the names a workbook's columns have. */
    public List<String> differencesFrom(CannedContent other) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(trigger, other.trigger)) {
            changed.add("trigger");
        }
        if (!Objects.equals(response, other.response)) {
            changed.add("response");
        }
        if (matchType != other.matchType) {
            changed.add("match type");
        }
        if (!Objects.equals(category, other.category)) {
            changed.add("category");
        }
        if (!Objects.equals(shortcut, other.shortcut)) {
            changed.add("shortcut");
        }
        if (active != other.active) {
            changed.add("active");
        }
        return changed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
