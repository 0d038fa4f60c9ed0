package io.parley.conversations.boundary;

import io.parley.conversations.control.AttachmentRows;
import io.parley.platform.control.ImageTypes;
import io.parley.conversations.entity.Attachment;
import io.parley.conversations.entity.ChatMessage;
import io.parley.conversations.entity.ChatSession;
import io.parley.conversations.entity.SessionRefusals;
import io.parley.platform.boundary.VisitorLimits;
import io.parley.platform.entity.Refusal;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Images visitors send: taken only from the holder of an open session's token and only when their bytes are an image
 * (PNG, JPEG, GIF, WebP — whatever they are called); shown only to that visitor and to the agents who may see the
 * session. The size limit is the HTTP layer's (parley.chat.max-attachment-bytes), checked before anything is read; how
 * many images and bytes a session and a client address may send is {@link VisitorLimits}'s, checked before the bytes
 * are read too: an image is {@link #admit admitted}, then read, then {@link #store stored} — and no transaction waits
 * while a visitor's upload arrives.
 */
@Stateless
public class Attachments {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @EJB
    Conversations conversations;

    @Inject
    VisitorLimits limits;

    @Inject
    AttachmentRows rows;

    /**
     * Lets the holder of an open session's token send an image of {@code bytes} from {@code clientAddress}: it counts
     * against their allowances from now on, whatever it turns out to be.
     * @return the session's id, for {@link #store}
     * @throws Refusal ({@code rate_limited}) when the session or the address has sent as many images or bytes as it may for now
     */
    public String admit(String sessionId, String token, long bytes, String clientAddress) {
        ChatSession session = conversations.held(sessionId, token);
        if (!session.isOpen()) {
            throw SessionRefusals.ended();
        }
        limits.attachment(session.id(), clientAddress, bytes);
        return session.id();
    }

    /**
     * Stores an image that {@link #admit} let in for the session.
     * @throws Refusal ({@code not_an_image}) when the bytes are no image Parley shows
     */
    public Attachment store(String sessionId, byte[] content) {
        String mediaType = ImageTypes.of(content)
                .orElseThrow(() -> new Refusal(Refusal.Kind.UNSUPPORTED_MEDIA_TYPE, "not_an_image", "Only PNG, JPEG, GIF and WebP images can be sent"));
        Attachment attachment = new Attachment(sessionId, mediaType, content);
        rows.insert(attachment);
        return attachment;
    }

    /** @throws Refusal ({@code not_found}) for an attachment of any other session */
    public Attachment forVisitor(String sessionId, String token, String id) {
        return of(conversations.held(sessionId, token).id(), id);
    }


    /** @throws Refusal ({@code not_found}) unless the attachment belongs to the session */
    public Attachment of(String sessionId, String id) {
        Attachment attachment = find(id);
        if (!attachment.sessionId().equals(sessionId)) {
            throw notFound(id);
        }
        return attachment;
    }

    /** @throws Refusal ({@code not_found}) when there is none (who may see it is the caller's to check) */
    public Attachment find(String id) {
        Attachment attachment = id == null ? null : em.find(Attachment.class, id);
        if (attachment == null) {
            throw notFound(id);
        }
        return attachment;
    }

    /**
     * An image goes with one message: the one with {@code clientMsgId} (sent again, it is the same message).
     * @throws Refusal ({@code attachment_used}) when another message carries it already
     */
    public void requireUncarried(String attachmentId, String clientMsgId) {
        boolean carried = em.createNamedQuery(ChatMessage.CARRYING, Object[].class).setParameter("ids", List.of(attachmentId))
                .getResultStream().anyMatch(row -> !clientMsgId.equals(row[1]));
        if (carried) {
            throw new Refusal(Refusal.Kind.CONFLICT, "attachment_used", "That image is in the conversation already");
        }
    }

    private static Refusal notFound(String id) {
        return new Refusal(Refusal.Kind.NOT_FOUND, "not_found", "There is no attachment " + id);
    }
}
