package io.parley.assistant.boundary;

import io.parley.assistant.control.Attempt;
import io.parley.assistant.control.Failover;
import io.parley.assistant.control.Generated;
import io.parley.assistant.control.HandoffCues;
import io.parley.assistant.control.Prompt;
import io.parley.assistant.control.Redaction;
import io.parley.assistant.control.ReplyFormat;
import io.parley.assistant.control.Target;
import io.parley.assistant.entity.BotAnswer;
import io.parley.identity.entity.Actor;
import io.parley.platform.control.RateLimit;
import io.parley.platform.entity.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admins' playground: a question answered as a visitor's would be — the visitor's words checked for a request for
 * a person, then the fleet with failover, the answer streamed as it comes and read in the reply format (suggestions,
 * confidence, hand-over) — but with the system prompt and context limit being edited, before they are saved. Nothing
 * is stored in a conversation or the accuracy log and nothing counts towards a visitor's budget; the calls update the
 * configurations' health as any call does. Each admin may ask {@code parley.limits.admin-playground} questions per
 * window. The fleet is asked on the assistant's threads, outside any EJB invocation ({@link FleetChecks} says why).
 */
@ApplicationScoped
public class Playground {

    static final String LIMIT = "parley.limits.admin-playground";
    private static final Logger LOG = System.getLogger(Playground.class.getName());

    @EJB
    LlmFleet fleet;

    @EJB
    Prompts prompts;

    @Inject
    Failover failover;

    @Inject
    HandoffCues cues;

    @Inject
    Redaction redaction;

    @Inject
    AssistantThreads threads;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "parley.assistant.budget-seconds")
    int budgetSeconds;

    @Inject
    @ConfigProperty(name = "parley.assistant.min-confidence")
    double minConfidence;

    private RateLimit perAdmin;

    @PostConstruct
    void read() {
        perAdmin = RateLimit.parse(LIMIT, config.getValue(LIMIT, String.class));
    }

    /**
     * Answers {@code trial.question()} after {@code trial.history()}: {@code deltas} receive the answer's words as they
     * come, then {@code done} what it came to. Both are called on one of the assistant's threads, after this returns.
     * @throws Refusal (too many requests) when the admin asked too often; (conflict) when no configuration is enabled
     */
    public void ask(Actor admin, Trial trial, Consumer<String> deltas, Consumer<Answer> done) {
        perAdmin.take(admin.userId(), 1).ifPresent(wait -> {
            throw Refusal.tooManyRequests("You have asked the playground too often; please wait a moment", wait);
        });
        Optional<String> cue = cues.inWords(trial.question());
        if (cue.isPresent()) {
            threads.execute(() -> done.accept(Answer.handedOverBeforeAsking(cue.get())));
            return;
        }
        List<Target> targets = fleet.targets(Instant.now().plusSeconds(budgetSeconds));
        if (targets.isEmpty()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "The assistant has no enabled LLM configuration to ask: add or enable one on the LLM fleet page");
        }
        Prompt prompt = new Prompt(trial.systemPrompt() + ReplyFormat.INSTRUCTION, turns(trial));
        threads.execute(() -> {
            try {
                Generated generated = failover.generate(targets, prompt, deltas);
                fleet.recordHealth(generated.attempts());
                done.accept(answer(generated));
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "The playground could not answer", e);
                done.accept(new Answer(null, List.of(), null, null, null, null, null, List.of()));
            }
        });
    }

    /** The latest messages within the context limit (the one being edited, or else the saved one), redacted as a visitor's. */
    private List<Prompt.Turn> turns(Trial trial) {
        int limit = trial.contextLimit() == null ? prompts.current().contextLimit() : trial.contextLimit();
        List<Line> lines = new ArrayList<>(trial.history());
        lines.add(new Line(true, trial.question()));
        return Prompt.conversation(lines.subList(Math.max(0, lines.size() - limit), lines.size()).stream()
                .map(line -> new Prompt.Turn(line.visitor() ? Prompt.Role.USER : Prompt.Role.ASSISTANT, redaction.apply(line.text()), List.of()))
                .toList());
    }

    private Answer answer(Generated generated) {
        List<Answer.Call> calls = generated.attempts().stream().map(Answer.Call::of).toList();
        if (generated.completion().isEmpty()) {
            return new Answer(null, List.of(), null, null, null, generated.latencyMs(), null, calls);
        }
        ReplyFormat.Reply reply = ReplyFormat.read(generated.completion().get().text());
        Target by = generated.answeredBy().orElseThrow();
        return new Answer(reply.answer(), reply.suggestions(), reply.confidence(),
                reply.handoverReason(minConfidence, BotAnswer.MAX_REASON_LENGTH).orElse(null), by.provider().wireName() + " " + by.model(),
                generated.latencyMs(), generated.firstTokenMs(), calls);
    }

    /**
     * A question to try: the system prompt being edited, the context limit being edited (null: the saved one), the
     * conversation so far (visitor and assistant, oldest first) and the visitor's question.
     */
    public record Trial(String systemPrompt, Integer contextLimit, List<Line> history, String question) {

        public Trial {
            history = List.copyOf(history);
        }
    }

    /** One message of the trial conversation: the visitor's, or the assistant's. */
    public record Line(boolean visitor, String text) {
    }

    /**
     * What the question came to: the answer, its suggestions and confidence, why a visitor would be handed over to a
     * person (null: they would not), which configuration answered and how long it took; no answer when nobody could
     * give one (each call says why) or the visitor's words alone would go to a person.
     */
    public record Answer(String answer, List<String> suggestions, Double confidence, String handoverReason, String answeredBy,
                         Long latencyMs, Long firstWordsMs, List<Call> calls) {

        static Answer handedOverBeforeAsking(String reason) {
            return new Answer(null, List.of(), null, reason, null, null, null, List.of());
        }

        /** One call to a configuration on the way: its provider and model, how it ended, the error in words, how long it took. */
        public record Call(String configuration, String outcome, String error, long latencyMs) {

            static Call of(Attempt attempt) {
                return new Call(attempt.target().provider().wireName() + " " + attempt.target().model(), attempt.outcome().wireName(),
                        attempt.error(), attempt.latencyMs());
            }
        }
    }
}
