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

/**
 * The accuracy log's entry for one answer the visitor got from the assistant: where it came from, how long it took,
 * what it cost, how sure the model was, and what the visitor and the agents made of it.
 */
@Entity
@Table(name = "bot_answers")
@NamedQuery(name = BotAnswer.OF_MESSAGE, query = "SELECT a FROM BotAnswer a WHERE a.messageId = :messageId")
@NamedQuery(name = BotAnswer.TOKENS_OF_SESSION, query = "SELECT COALESCE(SUM(a.tokensIn), 0), COALESCE(SUM(a.tokensOut), 0) "
        + "FROM BotAnswer a WHERE a.sessionId = :sessionId")
public class BotAnswer {

    /** Why a person was asked to take over (the model's reason, cut to this): the length of its column and of a transition's. */
    public static final int MAX_REASON_LENGTH = 200;

    public static final String OF_MESSAGE = "BotAnswer.ofMessage";
    public static final String TOKENS_OF_SESSION = "BotAnswer.tokensOfSession";

    @Id
    private String id;

    @Column(name = "session_id")
    private String sessionId;

    @Column(name = "message_id")
    private String messageId;

    @Enumerated(EnumType.STRING)
    @Column(name = "response_type")
    private ResponseType responseType;

    @Column(name = "config_id")
    private String configId;

    @Enumerated(EnumType.STRING)
    private Provider provider;

    private String model;

    @Column(name = "latency_ms")
    private int latencyMs;

    @Column(name = "first_token_ms")
    private Integer firstTokenMs;

    @Column(name = "tokens_in")
    private Integer tokensIn;

    @Column(name = "tokens_out")
    private Integer tokensOut;

    private Double confidence;

    @Column(name = "failover_attempts")
    private int failoverAttempts;

    @Column(name = "handoff_reason")
    private String handoffReason;

    private Boolean helpful;

    @Column(name = "human_mark")
    private String humanMark;

    @Column(name = "human_comment")
    private String humanComment;

    @Column(name = "marked_by")
    private String markedBy;

    @Column(name = "marked_at")
    private LocalDateTime markedAt;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected BotAnswer() {
    }

    public BotAnswer(String sessionId, String messageId, ResponseType responseType, long latencyMs) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.messageId = messageId;
        this.responseType = responseType;
        this.latencyMs = (int) Math.min(Integer.MAX_VALUE, latencyMs);
        this.createdAt = UtcClock.now();
    }

    /** The provider that answered, with what it reported. */
    public BotAnswer from(String configId, Provider provider, String model, Long firstTokenMs, Integer tokensIn, Integer tokensOut, Double confidence) {
        this.configId = configId;
        this.provider = provider;
        this.model = model;
        this.firstTokenMs = firstTokenMs == null ? null : (int) Math.min(Integer.MAX_VALUE, firstTokenMs);
        this.tokensIn = tokensIn;
        this.tokensOut = tokensOut;
        this.confidence = confidence;
        return this;
    }

    /** How many providers failed before this answer (or before giving up). */
    public BotAnswer afterFailures(int failures) {
        this.failoverAttempts = failures;
        return this;
    }

    public BotAnswer handedOff(String reason) {
        this.handoffReason = reason;
        return this;
    }

    /** The visitor's thumbs up or down; the last one counts. */
    public void rate(boolean helpful) {
        this.helpful = helpful;
    }

    /** An agent's or admin's verdict, with a comment. */
    public void mark(boolean correct, String comment, String userId) {
        this.humanMark = correct ? "correct" : "incorrect";
        this.humanComment = comment;
        this.markedBy = userId;
        this.markedAt = UtcClock.now();
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public String messageId() {
        return messageId;
    }

    public ResponseType responseType() {
        return responseType;
    }

    public String configId() {
        return configId;
    }

    public Provider provider() {
        return provider;
    }

    public String model() {
        return model;
    }

    public int latencyMs() {
        return latencyMs;
    }

    public Integer firstTokenMs() {
        return firstTokenMs;
    }

    public Integer tokensIn() {
        return tokensIn;
    }

    public Integer tokensOut() {
        return tokensOut;
    }

    public Double confidence() {
        return confidence;
    }

    public int failoverAttempts() {
        return failoverAttempts;
    }

    public String handoffReason() {
        return handoffReason;
    }

    public Boolean helpful() {
        return helpful;
    }

    public String humanMark() {
        return humanMark;
    }

    public String humanComment() {
        return humanComment;
    }

    public String markedBy() {
        return markedBy;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}
