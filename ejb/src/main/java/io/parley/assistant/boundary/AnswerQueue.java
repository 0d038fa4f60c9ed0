package io.parley.assistant.boundary;

import io.parley.assistant.control.Generated;
import io.parley.assistant.entity.AnswerStreamed;
import io.parley.autoreply.boundary.AutoReplies;
import io.parley.autoreply.entity.CannedResponse;
import io.parley.platform.entity.Refusal;
import io.parley.conversations.entity.MessageStored;
import io.parley.conversations.entity.Sender;
import io.parley.routing.boundary.Routing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The assistant's answering sequence for each visitor's message stored while the assistant has the conversation: the
 * visitor asking for a person in their own words goes to the agents; a canned response answers; otherwise the fleet is
 * asked, its words streamed to the visitor ({@link AnswerStreamed}) as they come, the answer recorded, and the
 * conversation handed to the agents if the model says so. It runs on the assistant's own threads, never the visitor's
 * socket's. A session has one answer under way at a time: questions it sends meanwhile wait and are answered together,
 * once, in the order they were stored (a script's hundred questions cost one more answer, not a hundred), and a
 * canned answer never overtakes a model's answer still being written.
 */
@ApplicationScoped
public class AnswerQueue {

    private static final Logger LOG = System.getLogger(AnswerQueue.class.getName());

    @Inject
    AssistantThreads threads;

    @Inject
    Assistant assistant;

    @Inject
    AutoReplies autoReplies;

    @Inject
    Routing routing;

    @Inject
    Event<AnswerStreamed> streamed;

    /**
     * The questions of each session being answered that wait for the answer under way: a session is in the map from its
     * first question until its last is answered (an empty list while nothing waits), so one answer at a time is under
     * way for it and at most one more waits.
     */
    private final Map<String, List<String>> waiting = new ConcurrentHashMap<>();

    /**
     * A visitor's message, once committed: answered if the assistant has the conversation. Questions that arrive while
     * one of the session's is being answered wait, and are then answered together, once, in the order they were stored.
     */
    void questionStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageStored stored) {
        if (stored.again() || stored.message().sender() != Sender.USER || !stored.session().isWithAssistant()) {
            return;
        }
        String sessionId = stored.session().id();
        List<String> question = new ArrayList<>(List.of(stored.message().text()));
        List<String> queued = waiting.merge(sessionId, question, (questions, next) -> {
            questions.addAll(next);
            return questions;
        });
        if (queued == question) { // the session was idle: nothing answers it yet
            threads.execute(() -> answerAll(sessionId));
        }
    }

    /** Answers the session's waiting questions, all that wait at once, until none is left; then the session is idle again. */
    private void answerAll(String sessionId) {
        while (true) {
            List<String> questions = new ArrayList<>();
            waiting.compute(sessionId, (id, left) -> {
                if (left.isEmpty()) {
                    return null;
                }
                questions.addAll(left);
                return new ArrayList<>();
            });
            if (questions.isEmpty()) {
                return;
            }
            answer(sessionId, questions);
        }
    }

    /**
     * One answer to the questions that waited together: any of them asking for a person sends the conversation to the
     * agents; a canned response answers what they say together; otherwise the fleet, which reads them in the transcript.
     */
    private void answer(String sessionId, List<String> questions) {
        try {
            Optional<String> cue = questions.stream().map(assistant::handoffCue).flatMap(Optional::stream).findFirst();
            if (cue.isPresent()) {
                routing.request(sessionId, cue.get());
                return;
            }
            long matching = System.nanoTime();
            Optional<CannedResponse> canned = autoReplies.match(String.join("\n", questions)); // in memory: no transaction unless it matches
            if (canned.isPresent()) {
                assistant.autoReply(sessionId, canned.get(), (System.nanoTime() - matching) / 1_000_000);
                return;
            }
            ask(sessionId);
        } catch (Refusal over) {
            LOG.log(Level.DEBUG, "Session {0} ended while the assistant was answering", sessionId);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "The assistant could not answer in session " + sessionId, e);
        }
    }

    private void ask(String sessionId) {
        Assistant.Question question = assistant.prepare(sessionId);
        if (question.spent()) {
            return;
        }
        if (question.handoff().isPresent()) {
            routing.request(sessionId, question.handoff().get());
            return;
        }
        String streamId = UUID.randomUUID().toString();
        Generated generated = assistant.generate(question, delta -> streamed.fire(new AnswerStreamed(sessionId, streamId, delta)));
        assistant.record(sessionId, generated, streamId).ifPresent(reason -> routing.request(sessionId, reason));
    }
}
