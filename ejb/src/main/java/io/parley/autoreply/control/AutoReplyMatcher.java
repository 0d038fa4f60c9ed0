package io.parley.autoreply.control;

import io.parley.autoreply.entity.CannedResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An immutable index of canned responses that finds the answer for a visitor's message.
 * Case, punctuation and spacing are ignored. An exact match wins over a partial one (the longest phrase first),
 * which wins over a keyword; among keywords the first word of the message that is one wins.
 */
public final class AutoReplyMatcher {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Map<String, CannedResponse> exact = new HashMap<>();
    // partial phrases by their first word, longest first: a message is checked against the phrases that can start at
    // each of its words, not against every phrase (10,000 of them cost microseconds, bench/README.md)
    private final Map<String, List<Phrase>> partial = new HashMap<>();
    private final Map<String, CannedResponse> keywords = new HashMap<>();

    public AutoReplyMatcher(List<CannedResponse> responses) {
        int order = 0;
        for (CannedResponse response : responses) {
            for (String phrase : response.triggerPhrases()) {
                String normalized = normalize(phrase);
                if (normalized.isEmpty()) {
                    continue;
                }
                switch (response.matchType()) {
                    case EXACT -> exact.putIfAbsent(normalized, response);
                    case PARTIAL -> {
                        String[] words = normalized.split(" ");
                        partial.computeIfAbsent(words[0], first -> new ArrayList<>()).add(new Phrase(words, normalized.length(), order++, response));
                    }
                    case KEYWORD -> keywords.putIfAbsent(normalized, response);
                }
            }
        }
        partial.values().forEach(phrases -> phrases.sort(Comparator.comparingInt(Phrase::length).reversed().thenComparingInt(Phrase::order)));
    }

    public Optional<CannedResponse> match(String message) {
        String normalized = normalize(message);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        CannedResponse hit = exact.get(normalized);
        if (hit != null) {
            return Optional.of(hit);
        }
        String[] words = normalized.split(" ");
        Phrase longest = null;
        for (int at = 0; at < words.length; at++) {
            for (Phrase phrase : partial.getOrDefault(words[at], List.of())) {
                if (longest != null && phrase.length() < longest.length()) {
                    break;
                }
                if (phrase.standsAt(words, at)) {
                    if (longest == null || phrase.length() > longest.length() || phrase.order() < longest.order()) {
                        longest = phrase;
                    }
                    break;
                }
            }
        }
        if (longest != null) {
            return Optional.of(longest.response());
        }
        for (String word : words) {
            hit = keywords.get(word);
            if (hit != null) {
                return Optional.of(hit);
            }
        }
        return Optional.empty();
    }

    /** Lower case, words only, one space between them: how triggers and messages are compared. */
    public static String normalize(String text) {
        return NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** A partial trigger's words, its length in characters, and which came first (for phrases of the same length). */
    private record Phrase(String[] words, int length, int order, CannedResponse response) {

        boolean standsAt(String[] message, int at) {
            if (at + words.length > message.length) {
                return false;
            }
            for (int i = 0; i < words.length; i++) {
                if (!words[i].equals(message[at + i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
