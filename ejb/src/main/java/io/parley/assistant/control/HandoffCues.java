package io.parley.assistant.control;

import io.parley.autoreply.control.AutoReplyMatcher;
import io.parley.conversations.entity.ChatMessage;
import io.parley.conversations.entity.Sender;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs in what the visitor writes that a person should take over, before any model is asked: they ask for one in
 * their own words (the phrases are a configurable pattern), or they ask the same question again — the answer to the
 * first one did not help. Short replies ("ok", "thanks") never count as a repeated question.
 */
@ApplicationScoped
public class HandoffCues {

    public static final String ASKED_FOR_A_PERSON = "visitor_asked_for_a_person";
    public static final String REPEATED_QUESTION = "repeated_question";
    static final int SHORTEST_QUESTION = 12;

    @Inject
    @ConfigProperty(name = "parley.assistant.handoff-phrases")
    String phrases;

    private Pattern askingForAPerson;

    @PostConstruct
    void compile() {
        askingForAPerson = Pattern.compile(phrases, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public Optional<String> inWords(String text) {
        return askingForAPerson.matcher(text).find() ? Optional.of(ASKED_FOR_A_PERSON) : Optional.empty();
    }

    /** @param earlier the session's latest messages, the visitor's new one last */
    public Optional<String> inRepetition(List<ChatMessage> earlier) {
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        String latest = AutoReplyMatcher.normalize(earlier.get(earlier.size() - 1).text());
        if (latest.length() < SHORTEST_QUESTION) {
            return Optional.empty();
        }
        return earlier.subList(0, earlier.size() - 1).stream()
                .filter(message -> message.sender() == Sender.USER && AutoReplyMatcher.normalize(message.text()).equals(latest))
                .findAny().map(same -> REPEATED_QUESTION);
    }
}
