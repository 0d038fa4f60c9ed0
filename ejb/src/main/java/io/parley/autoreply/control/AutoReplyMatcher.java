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
    private final List<Phrase> partial = new ArrayList<>();
    private final Map<String, CannedResponse> keywords = new HashMap<>();

    public AutoReplyMatcher(List<CannedResponse> responses) {
        for (CannedResponse response : responses) {
            for (String phrase : response.triggerPhrases()) {
                String normalized = normalize(phrase);
                if (normalized.isEmpty()) {
                    continue;
                }
                switch (response.matchType()) {
                    case EXACT -> exact.putIfAbsent(normalized, response);
                    case PARTIAL -> partial.add(new Phrase(" " + normalized + " ", response));
                    case KEYWORD -> keywords.putIfAbsent(normalized, response);
                }
            }
        }
        partial.sort(Comparator.comparingInt((Phrase p) -> p.padded().length()).reversed());
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
        String padded = " " + normalized + " ";
        for (Phrase phrase : partial) {
            if (padded.contains(phrase.padded())) {
                return Optional.of(phrase.response());
            }
        }
        for (String word : normalized.split(" ")) {
            hit = keywords.get(word);
            if (hit != null) {
                return Optional.of(hit);
            }
        }
        return Optional.empty();
    }

    static String normalize(String text) {
        return NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private record Phrase(String padded, CannedResponse response) {
    }
}
