package io.parley.assistant.boundary;

import io.parley.assistant.control.Generated;
import io.parley.assistant.entity.ResponseType;
import io.parley.autoreply.boundary.AutoReplies;
import io.parley.autoreply.entity.CannedResponse;
import io.parley.conversations.boundary.WireMessage;
import io.parley.conversations.entity.ConversationException;
import io.parley.push.boundary.Push;
import io.parley.push.boundary.ServerFrame;
import io.parley.routing.boundary.AgentRequests;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brings the assistant's answer to the visitor without holding up their socket: a canned response at once; otherwise
 * the fleet is asked on the assistant's own threads, its words relayed as {@code bot_stream {streamId, delta}} as they
 * come, then the stored answer as {@code bot_message {message, suggestions, responseType, streamId}} — what the visitor
 * keeps, replacing what was streamed. When every provider fails the visitor gets {@code system_message} offering a
 * person or the offline form. The questions of one session are answered one after another, in order.
 */
@ApplicationScoped
@ManagedExecutorDefinition(name = AnswerRelay.EXECUTOR, maxAsync = AnswerRelay.MAX_CONCURRENT_ANSWERS)
public class AnswerRelay {

    static final String EXECUTOR = "java:app/concurrent/AssistantAnswers";
    static final int MAX_CONCURRENT_ANSWERS = 64;
    private static final Logger LOG = System.getLogger(AnswerRelay.class.getName());

    @Resource(lookup = EXECUTOR)
    ManagedExecutorService executor;

    @Inject
    Assistant assistant;

    @Inject
    AutoReplies autoReplies;

    @Inject
    Push push;

    @Inject
    AgentRequests agentRequests;

    private final Map<String, CompletableFuture<Void>> answering = new ConcurrentHashMap<>();

    /** Answers the visitor's latest message in a session the assistant has. */
    public void answer(String sessionId, String visitorText) {
        Optional<String> cue = assistant.handoffCue(visitorText);
        if (cue.isPresent()) {
            agentRequests.request(sessionId, cue.get());
            return;
        }
        long matching = System.nanoTime();
        Optional<CannedResponse> canned = autoReplies.match(visitorText); // in memory: no transaction unless it matches
        if (canned.isPresent()) {
            deliver(sessionId, assistant.autoReply(sessionId, canned.get(), (System.nanoTime() - matching) / 1_000_000), null);
            return;
        }
        CompletableFuture<Void> queued = answering.compute(sessionId, (id, previous) ->
                (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous).thenRunAsync(() -> ask(sessionId), executor));
        queued.whenComplete((done, failed) -> answering.remove(sessionId, queued));
    }

    private void ask(String sessionId) {
        try {
            Assistant.Question question = assistant.prepare(sessionId);
            if (question.handoff().isPresent()) {
                agentRequests.request(sessionId, question.handoff().get());
                return;
            }
            String streamId = UUID.randomUUID().toString();
            Generated generated = assistant.generate(question, delta ->
                    push.toVisitor(sessionId, ServerFrame.event("bot_stream", Map.of("streamId", streamId, "delta", delta))));
            assistant.record(sessionId, generated).ifPresent(answered -> {
                deliver(sessionId, answered, generated.firstTokenMs() == null ? null : streamId);
                answered.handoff().ifPresent(reason -> agentRequests.request(sessionId, reason));
            });
        } catch (ConversationException over) {
            LOG.log(Level.DEBUG, "Session {0} ended while the assistant was answering", sessionId);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "The assistant could not answer in session " + sessionId, e);
        }
    }

    private void deliver(String sessionId, Assistant.Answered answered, String streamId) {
        WireMessage message = WireMessage.of(answered.message());
        if (answered.type() == ResponseType.FALLBACK) {
            push.notice(message, Map.of("offers", List.of("agent", "offline_form"), "reason", "assistant_unavailable"));
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message", message);
        data.put("suggestions", answered.suggestions());
        data.put("responseType", answered.type().wireName());
        if (streamId != null) {
            data.put("streamId", streamId);
        }
        push.toVisitor(sessionId, ServerFrame.event("bot_message", data));
        push.toAgents(sessionId, ServerFrame.event("new_message", Map.of("message", message)));
    }
}
