package io.parley.assistant.boundary;

import io.parley.assistant.entity.BotAnswer;
import io.parley.assistant.entity.LlmAttempt;
import io.parley.assistant.entity.Provider;
import io.parley.assistant.entity.ResponseType;
import io.parley.conversations.entity.ChatMessage;
import io.parley.conversations.entity.ChatSession;
import io.parley.identity.boundary.AuditLog;
import io.parley.identity.entity.Actor;
import io.parley.identity.entity.User;
import io.parley.platform.control.CriteriaPages;
import io.parley.platform.entity.Page;
import io.parley.platform.entity.Refusal;
import io.parley.platform.entity.Texts;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The accuracy log: every answer of the assistant with where it came from and what it cost, the visitor's thumbs,
 * and the verdicts of agents and admins (each one also in the audit log); and per provider, how often calls fail and
 * how long they take.
 */
@Stateless
public class AccuracyLog {

    /** How much of a question and of an answer an entry shows: their start. */
    static final int EXCERPT = 300;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    AuditLog audit;

    /**
     * Newest first; every filter is optional. What the page's entries show beside the answer — the calls to providers,
     * the texts of the answers and of the questions they answered, the ratings of their conversations — comes in one
     * query each, not one per entry.
     */
    public Page<Entry> find(Filter filter, int page, int size) {
        Page<BotAnswer> answers = CriteriaPages.page(em, BotAnswer.class, (cb, answer) -> conditions(cb, answer, filter),
                (cb, answer) -> List.of(cb.desc(answer.get("createdAt")), cb.desc(answer.get("id"))), page, size);
        Map<String, Entry> entries = entries(answers.items());
        return answers.map(answer -> entries.get(answer.id()));
    }

    /** The entries of {@code answers}, by the answers' ids. */
    private Map<String, Entry> entries(List<BotAnswer> answers) {
        if (answers.isEmpty()) {
            return Map.of();
        }
        Map<String, List<LlmAttempt>> attempts = em.createNamedQuery(LlmAttempt.OF_ANSWERS, LlmAttempt.class)
                .setParameter("answerIds", answers.stream().map(BotAnswer::id).toList()).getResultStream()
                .collect(Collectors.groupingBy(LlmAttempt::answerId));
        List<String> messageIds = answers.stream().map(BotAnswer::messageId).filter(Objects::nonNull).distinct().toList();
        Map<String, String> texts = messageIds.isEmpty() ? Map.of() : pairs(ChatMessage.TEXTS, messageIds);
        Map<String, String> questions = messageIds.isEmpty() ? Map.of() : pairs(ChatMessage.QUESTIONS, messageIds);
        Map<String, Object[]> ratings = em.createNamedQuery(ChatSession.RATINGS, Object[].class)
                .setParameter("ids", answers.stream().map(BotAnswer::sessionId).distinct().toList()).getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> row));
        return answers.stream().collect(Collectors.toMap(BotAnswer::id, answer -> {
            Object[] rating = ratings.get(answer.sessionId());
            return new Entry(answer, attempts.getOrDefault(answer.id(), List.of()),
                    Texts.cut(questions.get(answer.messageId()), EXCERPT), Texts.cut(texts.get(answer.messageId()), EXCERPT),
                    rating == null ? null : (Integer) rating[1], rating == null ? null : (String) rating[2]);
        }));
    }

    /** The rows of a query for {@code ids} that answers an id and a text, as a map (a null text is left out). */
    private Map<String, String> pairs(String query, List<String> ids) {
        Map<String, String> pairs = new HashMap<>();
        em.createNamedQuery(query, Object[].class).setParameter("ids", ids).getResultStream()
                .filter(row -> row[1] != null).forEach(row -> pairs.put((String) row[0], (String) row[1]));
        return pairs;
    }

    /** Per provider since {@code since}: calls, failed calls, average latency. */
    public List<ProviderFigures> providers(LocalDateTime since) {
        return em.createNamedQuery(LlmAttempt.BY_PROVIDER, Object[].class).setParameter("since", since).getResultStream()
                .map(row -> new ProviderFigures((Provider) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                        ((Number) row[3]).doubleValue()))
                .toList();
    }

    /** Per configuration of the fleet (by its id) since {@code since}: calls, failed calls, average latency. */
    public List<ConfigFigures> configurations(LocalDateTime since) {
        return em.createNamedQuery(LlmAttempt.BY_CONFIG, Object[].class).setParameter("since", since).getResultStream()
                .map(row -> new ConfigFigures((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                        ((Number) row[3]).doubleValue()))
                .toList();
    }

    /** What the assistant has cost in the session so far: calls to providers (failed ones too) and tokens. */
    public SessionCost cost(String sessionId) {
        long calls = em.createNamedQuery(LlmAttempt.COUNT_OF_SESSION, Long.class).setParameter("sessionId", sessionId).getSingleResult();
        Object[] tokens = em.createNamedQuery(BotAnswer.TOKENS_OF_SESSION, Object[].class).setParameter("sessionId", sessionId).getSingleResult();
        return new SessionCost(calls, ((Number) tokens[0]).longValue(), ((Number) tokens[1]).longValue());
    }

    /**
     * An agent's or admin's verdict on the answer that is message {@code messageId}; marking again replaces it.
     * @throws Refusal (not found) when the message is no answer of the assistant, or in a conversation the marker may
     *         not see (an agent sees those nobody or they themselves own)
     */
    public Entry mark(User marker, Actor actor, String messageId, boolean correct, String comment) {
        BotAnswer answer = em.createNamedQuery(BotAnswer.OF_MESSAGE, BotAnswer.class)
                .setParameter("messageId", messageId).getResultStream()
                .filter(found -> em.find(ChatSession.class, found.sessionId()).isVisibleTo(marker.id(), marker.isAdmin())).findFirst()
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "There is no answer of the assistant " + messageId + " in your inbox"));
        answer.mark(correct, comment, actor.userId());
        audit.record(actor, "accuracy.mark", messageId, (correct ? "correct" : "incorrect") + (comment == null ? "" : ": " + comment));
        return entries(List.of(answer)).get(answer.id());
    }

    private static Predicate[] conditions(CriteriaBuilder cb, Root<BotAnswer> answer, Filter filter) {
        List<Predicate> conditions = new ArrayList<>();
        if (filter.responseType() != null) {
            conditions.add(cb.equal(answer.get("responseType"), filter.responseType()));
        }
        if (filter.provider() != null) {
            conditions.add(cb.equal(answer.get("provider"), filter.provider()));
        }
        if (filter.sessionId() != null) {
            conditions.add(cb.equal(answer.get("sessionId"), filter.sessionId()));
        }
        if (filter.from() != null) {
            conditions.add(cb.greaterThanOrEqualTo(answer.get("createdAt"), filter.from()));
        }
        if (filter.to() != null) {
            conditions.add(cb.lessThan(answer.get("createdAt"), filter.to()));
        }
        if (filter.marked() != null) {
            conditions.add(filter.marked() ? cb.isNotNull(answer.get("humanMark")) : cb.isNull(answer.get("humanMark")));
        }
        return conditions.toArray(Predicate[]::new);
    }

    /**
     * Which answers to list: by where they came from, by provider, by session, in a time range [from, to) in UTC, marked
     * by a person or not (null: either).
     */
    public record Filter(ResponseType responseType, Provider provider, String sessionId, LocalDateTime from, LocalDateTime to,
                         Boolean marked) {
    }

    /**
     * An answer and the calls made for it, in order; the start of the visitor's message it answered and of the answer
     * (null when there is none, such as an answer given up on); the visitor's rating of the conversation (null if none).
     */
    public record Entry(BotAnswer answer, List<LlmAttempt> attempts, String question, String text, Integer rating, String ratingComment) {
    }

    /** Calls to providers and tokens in and out, for one session. */
    public record SessionCost(long calls, long tokensIn, long tokensOut) {

        public long tokens() {
            return tokensIn + tokensOut;
        }
    }

    public record ProviderFigures(Provider provider, long calls, long failures, double averageLatencyMs) {

        public double errorRate() {
            return errorRateOf(calls, failures);
        }
    }

    /** The same figures for one configuration of the fleet (by its id; a removed configuration's remain). */
    public record ConfigFigures(String configId, long calls, long failures, double averageLatencyMs) {

        public double errorRate() {
            return errorRateOf(calls, failures);
        }
    }

    private static double errorRateOf(long calls, long failures) {
        return calls == 0 ? 0 : (double) failures / calls;
    }
}
