package io.parley.assistant.boundary;

import io.parley.assistant.control.Attempt;
import io.parley.assistant.control.Failover;
import io.parley.assistant.control.Generated;
import io.parley.assistant.control.HandoffCues;
import io.parley.assistant.control.Prompt;
import io.parley.assistant.control.Redaction;
import io.parley.assistant.control.ReplyFormat;
import io.parley.assistant.control.Target;
import io.parley.assistant.entity.AnswerStored;
import io.parley.assistant.entity.BotAnswer;
import io.parley.assistant.entity.LlmAttempt;
import io.parley.assistant.entity.Outcome;
import io.parley.assistant.entity.ResponseType;
import io.parley.autoreply.boundary.AutoReplies;
import io.parley.autoreply.entity.CannedResponse;
import io.parley.conversations.control.Transcript;
import io.parley.conversations.entity.Attachment;
import io.parley.conversations.entity.ChatMessage;
import io.parley.conversations.entity.ChatSession;
import io.parley.platform.entity.Refusal;
import io.parley.platform.entity.Texts;
import io.parley.conversations.entity.NoticeStored;
import io.parley.conversations.entity.SessionChanged;
import io.parley.conversations.entity.Sender;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers what a visitor wrote, while the assistant has the conversation: a canned response when one matches;
 * otherwise the LLM fleet, asked with the system prompt and the latest messages, streaming its answer; and when every
 * provider fails, a message that offers a person or the offline form. Every answer is logged for accuracy and announced
 * once stored ({@link AnswerStored}, or {@link NoticeStored} for the offer). Signs that a person should take over — the
 * visitor says so, asks the same again, the model hands off or is unsure — come back as a reason for routing; the
 * assistant never routes by itself. {@link AnswerQueue} runs the steps, one question of a session after another.
 */
@Stateless
public class Assistant {

    @Inject
    Transcript transcript;

    @Inject
    HandoffCues cues;

    @Inject
    Failover failover;

    @Inject
    Redaction redaction;

    @EJB
    LlmFleet fleet;

    @EJB
    Prompts prompts;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Event<AnswerStored> answered;

    @Inject
    Event<NoticeStored> notices;

    @Inject
    @ConfigProperty(name = "parley.assistant.no-answer-message")
    String noAnswerMessage;

    @Inject
    @ConfigProperty(name = "parley.assistant.budget-seconds")
    int budgetSeconds;

    @Inject
    @ConfigProperty(name = "parley.assistant.min-confidence")
    double minConfidence;

    @Inject
    @ConfigProperty(name = "parley.assistant.max-calls-per-session")
    long maxCalls;

    @Inject
    @ConfigProperty(name = "parley.assistant.max-tokens-per-session")
    long maxTokens;

    @Inject
    @ConfigProperty(name = "parley.assistant.budget-spent-message")
    String budgetSpentMessage;

    @EJB
    AccuracyLog accuracyLog;

    /** The most recent messages a summary at handoff is made of. */
    static final int SUMMARY_CONTEXT = 50;
    /** The longest summary kept (its column's width). */
    static final int MAX_SUMMARY_LENGTH = 1000;

    @Inject
    @ConfigProperty(name = "parley.assistant.handoff-summary-prompt")
    String summaryInstruction;

    @Inject
    Event<SessionChanged> changed;

    /** The visitor asks for a person in their own words: no model is asked. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> handoffCue(String visitorText) {
        return cues.inWords(visitorText);
    }

    /**
     * Stores the canned response that matched the visitor's message ({@link AutoReplies#match}) and logs it; nothing is
     * stored when an agent took the conversation meanwhile.
     * @throws Refusal ({@code session_closed}) when the conversation ended meanwhile
     */
    public void autoReply(String sessionId, CannedResponse canned, long matchMillis) {
        ChatSession session = transcript.locked(sessionId);
        if (session.hasAgent()) {
            return;
        }
        ChatMessage message = transcript.append(sessionId, Sender.BOT, canned.response(), null).message();
        em.persist(new BotAnswer(sessionId, message.id(), ResponseType.AUTO_REPLY, matchMillis));
        answered.fire(new AnswerStored(message, session, ResponseType.AUTO_REPLY, List.of(), null));
    }

    /**
     * What to ask the fleet about the session's latest messages, or why a person should answer them instead. The time
     * for the first words starts now. When the session has had all the calls or tokens it may
     * ({@code parley.assistant.max-calls-per-session}, {@code max-tokens-per-session}), nobody is asked: the visitor is
     * told so and offered a person and the offline form.
     */
    public Question prepare(String sessionId) {
        ChatSession session = em.find(ChatSession.class, sessionId);
        AccuracyLog.SessionCost cost = accuracyLog.cost(sessionId);
        if (cost.calls() >= maxCalls || cost.tokens() >= maxTokens) {
            ChatMessage message = transcript.append(sessionId, Sender.SYSTEM, budgetSpentMessage, null).message();
            notices.fire(new NoticeStored(message, session, NoticeStored.Notice.offering(List.of("agent", "offline_form"), "assistant_limit")));
            return Question.SPENT;
        }
        Prompts.Current current = prompts.current();
        List<ChatMessage> latest = transcript.after(sessionId, Math.max(0, session.lastSeq() - current.contextLimit()), current.contextLimit());
        Optional<String> repeated = cues.inRepetition(latest);
        if (repeated.isPresent()) {
            return new Question(null, List.of(), repeated);
        }
        List<Prompt.Turn> turns = turns(latest, redaction);
        withImages(turns, unanswered(latest), current.imagePrompt());
        return new Question(new Prompt(current.systemPrompt() + ReplyFormat.INSTRUCTION, turns),
                fleet.targets(Instant.now().plusSeconds(budgetSeconds)), Optional.empty());
    }

    /** Asks the fleet, outside any transaction (answers take seconds); {@code visitor} gets the answer's words as they come. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Generated generate(Question question, Consumer<String> visitor) {
        Generated generated = failover.generate(question.targets(), question.prompt(), visitor);
        if (!generated.attempts().isEmpty()) {
            fleet.recordHealth(generated.attempts());
        }
        return generated;
    }

    /**
     * Stores what the fleet answered (completing {@code streamId}, if its words were streamed) — or, when nobody could,
     * the message offering a person or the offline form — and logs it. Nothing is stored when an agent took the
     * conversation meanwhile.
     * @return why a person should take over, if the model says so or is unsure
     * @throws Refusal ({@code session_closed}) when the conversation ended meanwhile
     */
    public Optional<String> record(String sessionId, Generated generated, String streamId) {
        ChatSession session = transcript.locked(sessionId);
        if (session.hasAgent()) {
            return Optional.empty();
        }
        int failures = (int) generated.attempts().stream().filter(attempt -> attempt.outcome() != Outcome.OK).count();
        if (generated.completion().isEmpty()) {
            ChatMessage message = transcript.append(sessionId, Sender.SYSTEM, noAnswerMessage, null).message();
            BotAnswer logged = new BotAnswer(sessionId, message.id(), ResponseType.FALLBACK, generated.latencyMs()).afterFailures(failures);
            log(logged, generated.attempts());
            notices.fire(new NoticeStored(message, session, NoticeStored.Notice.offering(List.of("agent", "offline_form"), "assistant_unavailable")));
            return Optional.empty();
        }
        ReplyFormat.Reply reply = ReplyFormat.read(generated.completion().get().text());
        Optional<String> handoff = reply.handoverReason(minConfidence, BotAnswer.MAX_REASON_LENGTH);
        ChatMessage message = transcript.append(sessionId, Sender.BOT, reply.answer(), null).message();
        Target by = generated.answeredBy().orElseThrow();
        BotAnswer logged = new BotAnswer(sessionId, message.id(), ResponseType.LLM, generated.latencyMs())
                .from(by.configId(), by.provider(), by.model(), generated.firstTokenMs(), generated.completion().get().tokensIn(),
                        generated.completion().get().tokensOut(), reply.confidence())
                .afterFailures(failures)
                .handedOff(handoff.orElse(null));
        log(logged, generated.attempts());
        answered.fire(new AnswerStored(message, session, ResponseType.LLM, reply.suggestions(), generated.firstTokenMs() == null ? null : streamId));
        return handoff;
    }

    /**
     * What the fleet is asked for a summary at handoff ({@link HandoffSummaries}), and whom: the conversation's latest
     * messages as one text, the visitor's words redacted as for every answer; nothing when the visitor never talked to
     * the assistant.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Question> summaryQuestion(String sessionId) {
        ChatSession session = em.find(ChatSession.class, sessionId);
        List<ChatMessage> latest = transcript.after(sessionId, Math.max(0, session.lastSeq() - SUMMARY_CONTEXT), SUMMARY_CONTEXT);
        if (latest.stream().noneMatch(message -> message.sender() == Sender.BOT)) {
            return Optional.empty();
        }
        String conversation = latest.stream().filter(message -> message.sender() != Sender.SYSTEM)
                .map(message -> switch (message.sender()) {
                    case USER -> "Visitor: ";
                    case BOT -> "Assistant: ";
                    default -> "Agent: ";
                } + redaction.apply(message.text()))
                .collect(Collectors.joining("\n\n"));
        Prompt prompt = new Prompt(summaryInstruction, List.of(new Prompt.Turn(Prompt.Role.USER, conversation, List.of())));
        return Optional.of(new Question(prompt, fleet.targets(Instant.now().plusSeconds(budgetSeconds)), Optional.empty()));
    }

    /** Stores the fleet's summary on the session and shows it to the agents; nothing when no provider answered. */
    public void recordSummary(String sessionId, Generated generated) {
        generated.completion().map(completion -> completion.text().strip()).filter(summary -> !summary.isEmpty()).ifPresent(summary -> {
            ChatSession session = transcript.locked(sessionId);
            session.summarised(Texts.cut(summary, MAX_SUMMARY_LENGTH));
            changed.fire(SessionChanged.of(session));
        });
    }

    /**
     * The images the visitor sent with the messages being answered go with them (the last turn), and the admin's image
     * prompt after them; an image sent with a message answered before is never sent again.
     */
    private void withImages(List<Prompt.Turn> turns, List<ChatMessage> unanswered, String imagePrompt) {
        List<Prompt.Image> images = unanswered.stream().filter(message -> message.attachmentId() != null)
                .map(message -> em.find(Attachment.class, message.attachmentId()))
                .map(image -> new Prompt.Image(image.mediaType(), image.content())).toList();
        if (images.isEmpty() || turns.isEmpty()) {
            return;
        }
        Prompt.Turn last = turns.get(turns.size() - 1);
        turns.set(turns.size() - 1, new Prompt.Turn(last.role(), last.text() + "\n\n" + imagePrompt, images));
    }

    /** The visitor's messages after the last one of anybody else's: the questions being answered. */
    static List<ChatMessage> unanswered(List<ChatMessage> latest) {
        int first = latest.size();
        while (first > 0 && latest.get(first - 1).sender() == Sender.USER) {
            first--;
        }
        return latest.subList(first, latest.size());
    }

    /**
     * The visitor's thumbs up or down on one of the assistant's answers in their own session.
     * @throws Refusal ({@code not_found}) for any other message
     */
    public void feedback(String sessionId, String messageId, boolean helpful) {
        em.createNamedQuery(BotAnswer.OF_MESSAGE, BotAnswer.class).setParameter("messageId", messageId)
                .getResultStream().filter(answer -> answer.sessionId().equals(sessionId)).findFirst()
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "not_found", "There is no answer of the assistant " + messageId + " in this session"))
                .rate(helpful);
    }

    private void log(BotAnswer answer, List<Attempt> attempts) {
        em.persist(answer);
        for (int i = 0; i < attempts.size(); i++) {
            Attempt attempt = attempts.get(i);
            em.persist(new LlmAttempt(answer.id(), i + 1, attempt.target().configId(), attempt.target().provider(),
                    attempt.target().model(), attempt.outcome(), attempt.error(), attempt.latencyMs()));
        }
    }

    /**
     * The visitor's and the answering side's messages as turns, consecutive ones of a side merged, starting with the
     * visitor, as the providers may see them (redacted when so configured).
     */
    static List<Prompt.Turn> turns(List<ChatMessage> messages, Redaction redaction) {
        return Prompt.conversation(messages.stream().filter(message -> message.sender() != Sender.SYSTEM)
                .map(message -> new Prompt.Turn(message.sender() == Sender.USER ? Prompt.Role.USER : Prompt.Role.ASSISTANT,
                        redaction.apply(message.text()), List.of()))
                .toList());
    }

    /**
     * What the fleet is asked and whom, or (instead) why a person should answer; {@link #SPENT} when nobody is asked
     * because the session's budget is spent.
     */
    public record Question(Prompt prompt, List<Target> targets, Optional<String> handoff) {

        static final Question SPENT = new Question(null, List.of(), Optional.empty());

        public boolean spent() {
            return this == SPENT;
        }
    }

}
