package io.parley.assistant.entity;

import io.parley.platform.entity.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/** One call to a provider while answering, for the per-provider error rate and latency. */
@Entity
@Table(name = "llm_attempts")
@NamedQuery(name = LlmAttempt.BY_PROVIDER, query = "SELECT a.provider, COUNT(a), "
        + "SUM(CASE WHEN a.outcome = io.parley.assistant.entity.Outcome.OK THEN 0 ELSE 1 END), AVG(a.latencyMs) "
        + "FROM LlmAttempt a WHERE a.createdAt >= :since GROUP BY a.provider ORDER BY a.provider")
@NamedQuery(name = LlmAttempt.BY_CONFIG, query = "SELECT a.configId, COUNT(a), "
        + "SUM(CASE WHEN a.outcome = io.parley.assistant.entity.Outcome.OK THEN 0 ELSE 1 END), AVG(a.latencyMs) "
        + "FROM LlmAttempt a WHERE a.createdAt >= :since GROUP BY a.configId")
@NamedQuery(name = LlmAttempt.OF_ANSWERS, query = "SELECT a FROM LlmAttempt a WHERE a.answerId IN :answerIds ORDER BY a.answerId, a.attemptNo")
@NamedQuery(name = LlmAttempt.COUNT_OF_SESSION, query = "SELECT COUNT(a) FROM LlmAttempt a WHERE a.answerId IN "
        + "(SELECT b.id FROM BotAnswer b WHERE b.sessionId = :sessionId)")
public class LlmAttempt {

    public static final String COUNT_OF_SESSION = "LlmAttempt.countOfSession";

    public static final String BY_PROVIDER = "LlmAttempt.byProvider";
    public static final String BY_CONFIG = "LlmAttempt.byConfig";
    public static final String OF_ANSWERS = "LlmAttempt.ofAnswers";

    @Id
    private String id;

    @Column(name = "answer_id")
    private String answerId;

    /** 1 for the first provider asked, 2 for the next, ...: their order (times may tie, see docs/operations.md). */
    @Column(name = "attempt_no")
    private int attemptNo;

    @Column(name = "config_id")
    private String configId;

    @Enumerated(EnumType.STRING)
    private Provider provider;

    private String model;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private String error;

    @Column(name = "latency_ms")
    private int latencyMs;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected LlmAttempt() {
    }

    public LlmAttempt(String answerId, int attemptNo, String configId, Provider provider, String model, Outcome outcome, String error, long latencyMs) {
        this.id = UUID.randomUUID().toString();
        this.answerId = answerId;
        this.attemptNo = attemptNo;
        this.configId = configId;
        this.provider = provider;
        this.model = model;
        this.outcome = outcome;
        this.error = error == null ? null : error.substring(0, Math.min(error.length(), LlmConfig.MAX_ERROR_LENGTH));
        this.latencyMs = (int) Math.min(Integer.MAX_VALUE, latencyMs);
        this.createdAt = UtcClock.now();
    }

    public String answerId() {
        return answerId;
    }

    public Provider provider() {
        return provider;
    }

    public String model() {
        return model;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String error() {
        return error;
    }

    public int latencyMs() {
        return latencyMs;
    }
}
