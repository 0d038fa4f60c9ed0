package io.parley.assistant.control;

import io.parley.assistant.entity.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Asks the fleet's configurations in turn until one answers: the primary first, then by priority; a configuration
 * whose provider asked to be left alone (429 with Retry-After) is passed over until then, and nobody is asked once the
 * budget for the first words has run out. Each try gets its own {@link AnswerStream}: when an answer breaks off midway
 * the next provider starts afresh, and the stored answer (the {@code bot_message}) replaces what was streamed.
 */
@ApplicationScoped
public class Failover {

    private static final Logger LOG = System.getLogger(Failover.class.getName());

    private final Map<String, Instant> leftAloneUntil = new ConcurrentHashMap<>();

    @Inject
    LlmClients clients;

    /** @param visitor receives the answer's words as they come (null: no streaming) */
    public Generated generate(List<Target> targets, Prompt prompt, Consumer<String> visitor) {
        Instant start = Instant.now();
        AtomicReference<Instant> firstWords = new AtomicReference<>();
        Consumer<String> seen = visitor == null ? null : delta -> {
            firstWords.compareAndSet(null, Instant.now());
            visitor.accept(delta);
        };
        List<Attempt> attempts = new ArrayList<>();
        for (Target target : targets) {
            if (!Instant.now().isBefore(target.deadline())) {
                break;
            }
            if (Instant.now().isBefore(leftAloneUntil.getOrDefault(target.configId(), Instant.MIN))) {
                continue;
            }
            Tried tried = call(target, prompt, seen == null ? null : new AnswerStream(seen));
            attempts.add(tried.attempt());
            if (tried.completion().isPresent()) {
                return new Generated(tried.completion(), Optional.of(target), attempts, millisSince(start),
                        firstWords.get() == null ? null : Duration.between(start, firstWords.get()).toMillis());
            }
        }
        return new Generated(Optional.empty(), Optional.empty(), attempts, millisSince(start), null);
    }

    /** Asks one configuration for a whole answer, as a check of it: no budget but its own timeout. */
    public Attempt check(Target target, Prompt prompt) {
        return call(target, prompt, null).attempt();
    }

    /** One call, however it ends: the completion, or how it failed (a 429's wish to be left alone is kept). */
    private Tried call(Target target, Prompt prompt, Consumer<String> deltas) {
        Instant began = Instant.now();
        try {
            Completion completion = clients.of(target.provider()).complete(target, prompt, deltas);
            return new Tried(new Attempt(target, Outcome.OK, null, millisSince(began)), Optional.of(completion));
        } catch (ProviderFailure failure) {
            failure.retryAfter().ifPresent(wait -> leftAloneUntil.put(target.configId(), Instant.now().plus(wait)));
            return failed(target, failure.outcome(), failure.getMessage(), began);
        } catch (CircuitBreakerOpenException open) {
            return failed(target, Outcome.CIRCUIT_OPEN, target.provider().wireName() + " failed repeatedly and is rested for a while", began);
        } catch (TimeoutException tooLong) {
            return failed(target, Outcome.TIMEOUT, target.provider().wireName() + " took longer than a whole answer may take", began);
        }
    }

    private Tried failed(Target target, Outcome outcome, String error, Instant began) {
        LOG.log(Level.WARNING, "The assistant''s {0} failed ({1}): {2}", target, outcome.wireName(), error);
        return new Tried(new Attempt(target, outcome, error, millisSince(began)), Optional.empty());
    }

    private static long millisSince(Instant start) {
        return Duration.between(start, Instant.now()).toMillis();
    }

    private record Tried(Attempt attempt, Optional<Completion> completion) {
    }
}
