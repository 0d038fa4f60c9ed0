package io.parley.conversations.entity;

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

/** One stored message of a session, numbered by {@code seq} within it. */
@Entity
@Table(name = "chat_messages")
@NamedQuery(name = ChatMessage.AFTER_SEQ,
        query = "SELECT m FROM ChatMessage m WHERE m.sessionId = :sessionId AND m.seq > :afterSeq ORDER BY m.seq")
@NamedQuery(name = ChatMessage.BEFORE_SEQ,
        query = "SELECT m FROM ChatMessage m WHERE m.sessionId = :sessionId AND m.seq < :beforeSeq ORDER BY m.seq DESC")
@NamedQuery(name = ChatMessage.BY_CLIENT_MSG_IDS,
        query = "SELECT m FROM ChatMessage m WHERE m.sessionId IN :sessionIds AND m.clientMsgId IN :clientMsgIds")
@NamedQuery(name = ChatMessage.CARRYING, query = "SELECT m.attachmentId, m.clientMsgId FROM ChatMessage m WHERE m.attachmentId IN :ids")
@NamedQuery(name = ChatMessage.FROM_VISITOR, query = "SELECT m.id FROM ChatMessage m WHERE m.sessionId = :sessionId "
        + "AND m.sender = io.parley.conversations.entity.Sender.USER")
@NamedQuery(name = ChatMessage.TEXTS, query = "SELECT m.id, m.text FROM ChatMessage m WHERE m.id IN :ids")
@NamedQuery(name = ChatMessage.QUESTIONS, query = "SELECT a.id, q.text FROM ChatMessage a, ChatMessage q WHERE a.id IN :ids "
        + "AND q.sessionId = a.sessionId AND q.sender = io.parley.conversations.entity.Sender.USER AND q.seq = "
        + "(SELECT MAX(p.seq) FROM ChatMessage p WHERE p.sessionId = a.sessionId AND p.sender = io.parley.conversations.entity.Sender.USER AND p.seq < a.seq)")
public class ChatMessage {

    /** The text of each of the messages {@code :ids}: id, text. */
    public static final String TEXTS = "ChatMessage.texts";
    /** For each of the messages {@code :ids}, the visitor's message last before it (what it answered): id, its text. */
    public static final String QUESTIONS = "ChatMessage.questions";

    public static final String AFTER_SEQ = "ChatMessage.afterSeq";
    public static final String BEFORE_SEQ = "ChatMessage.beforeSeq";
    public static final String CARRYING = "ChatMessage.carrying";
    public static final String FROM_VISITOR = "ChatMessage.fromVisitor";
    public static final String BY_CLIENT_MSG_IDS = "ChatMessage.byClientMsgIds";

    @Id
    private String id;

    @Column(name = "session_id")
    private String sessionId;

    private long seq;

    @Enumerated(EnumType.STRING)
    private Sender sender;

    @Column(name = "body")
    private String text;

    @Column(name = "client_msg_id")
    private String clientMsgId;

    @Column(name = "attachment_id")
    private String attachmentId;

    /** The agent who wrote it, for agent messages. */
    @Column(name = "author_id")
    private String authorId;

    /** The agent's display name when they wrote it: what the visitor saw, whatever the agent is called later. */
    @Column(name = "author_name")
    private String authorName;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected ChatMessage() {
    }

    public ChatMessage(String sessionId, long seq, Sender sender, String authorId, String authorName, String text, String clientMsgId) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.seq = seq;
        this.sender = sender;
        this.text = text;
        this.clientMsgId = clientMsgId;
        this.authorId = authorId;
        this.authorName = authorName;
        this.createdAt = UtcClock.now();
    }

    /** The image the visitor sent with this message. */
    public void attach(String attachmentId) {
        this.attachmentId = attachmentId;
    }

    public String attachmentId() {
        return attachmentId;
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public long seq() {
        return seq;
    }

    public Sender sender() {
        return sender;
    }

    public String text() {
        return text;
    }

    public String authorId() {
        return authorId;
    }

    public String authorName() {
        return authorName;
    }

    public String clientMsgId() {
        return clientMsgId;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}
