package io.parley.assistant.boundary;

import io.parley.autoreply.boundary.AutoReplies;
import io.parley.conversations.control.Transcript;
import io.parley.conversations.entity.ChatMessage;
import io.parley.conversations.entity.Sender;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers what a visitor wrote and stores the answer in the session: a canned response when one matches,
 * otherwise a system message that offers a human agent or the offline form.
 */
@Stateless
public class Assistant {

    @Inject
    AutoReplies autoReplies;

    @Inject
    Transcript transcript;

    @Inject
    @ConfigProperty(name = "parley.assistant.no-answer-message")
    String noAnswerMessage;

    public Reply answer(String sessionId, String visitorText) {
        return autoReplies.match(visitorText)
                .map(canned -> new Reply(store(sessionId, Sender.BOT, canned.response()), Reply.Kind.AUTO_REPLY))
                .orElseGet(() -> new Reply(store(sessionId, Sender.SYSTEM, noAnswerMessage), Reply.Kind.NO_ANSWER));
    }

    private ChatMessage store(String sessionId, Sender sender, String text) {
        return transcript.append(sessionId, sender, null, text, null).message();
    }

    /** The stored answer and where it came from. */
    public record Reply(ChatMessage message, Kind kind) {

        public enum Kind {
            /** A canned response of the auto-reply engine. */
            AUTO_REPLY,
            /** Nothing could answer: the visitor is offered a human agent or the offline form. */
            NO_ANSWER
        }
    }
}
