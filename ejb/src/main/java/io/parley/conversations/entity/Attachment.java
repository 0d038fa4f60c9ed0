package io.parley.conversations.entity;

import io.parley.platform.entity.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/** An image a visitor sent in a session: its type (as its content says, not its name) and its bytes. */
@Entity
@Table(name = "attachments")
@NamedQuery(name = Attachment.SESSIONS_OF, query = "SELECT a.id, a.sessionId FROM Attachment a WHERE a.id IN :ids")
public class Attachment {

    /** The session an attachment belongs to, without reading its bytes. */
    public static final String SESSIONS_OF = "Attachment.sessionsOf";

    @Id
    private String id;

    @Column(name = "session_id")
    private String sessionId;

    @Column(name = "media_type")
    private String mediaType;

    @Column(name = "size_bytes")
    private int sizeBytes;

    @Lob
    private byte[] content;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected Attachment() {
    }

    public Attachment(String sessionId, String mediaType, byte[] content) {
        this.id = UUID.randomUUID().toString();
        this.sessionId = sessionId;
        this.mediaType = mediaType;
        this.content = content;
        this.sizeBytes = content.length;
        this.createdAt = UtcClock.now();
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    public String mediaType() {
        return mediaType;
    }

    public int sizeBytes() {
        return sizeBytes;
    }

    public byte[] content() {
        return content;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}
