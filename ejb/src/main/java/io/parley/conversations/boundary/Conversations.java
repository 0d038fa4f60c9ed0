package io.parley.conversations.boundary;

import io.parley.conversations.control.SessionExpiry;
import io.parley.conversations.control.SessionTokens;
import io.parley.conversations.control.Transcript;
import io.parley.conversations.control.Transcript.Appended;
import io.parley.conversations.entity.ChatMessage;
import io.parley.conversations.entity.Attachment;
import io.parley.conversations.entity.ChatSession;
import io.parley.conversations.entity.ConversationException;
import io.parley.conversations.entity.Sender;
import io.parley.conversations.entity.SessionStatus;
import io.parley.conversations.entity.VisitorMeta;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** A visitor's side of a conversation: start, resume with the session token, write, end. */
@Stateless
public class Conversations {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Transcript transcript;

    @Inject
    SessionExpiry expiry;

    public Started start(VisitorMeta visitor) {
        String token = SessionTokens.issue();
        ChatSession session = new ChatSession(SessionTokens.hash(token), visitor);
        em.persist(session);
        return new Started(session, token);
    }

    /**
     * The messages after {@code afterSeq}, in order, for the holder of the session's token.
     * An unknown session and a wrong token are refused alike, so neither reveals that a session exists.
     */
    public Resumed resume(String sessionId, String token, long afterSeq) {
        ChatSession session = held(sessionId, token);
        if (!session.isOpen() || expiry.isIdle(session)) {
            // over: idle past the timeout (closed now, or already by the minute's sweep), ended or resolved
            if (session.isOpen()) {
                expiry.expire(session.id());
            }
            return new Resumed(session, List.of(), Optional.of(start(session.visitor().copy())));
        }
        return new Resumed(session, transcript.after(sessionId, afterSeq), Optional.empty());
    }

    /**
     * The session whose token the visitor holds. An unknown session and a wrong token are refused alike.
     * @throws ConversationException ({@code session_refused})
     */
    public ChatSession held(String sessionId, String token) {
        ChatSession session = sessionId == null || token == null ? null : em.find(ChatSession.class, sessionId);
        if (session == null || !SessionTokens.matches(token, session.tokenHash())) {
            throw new ConversationException("session_refused", "Unknown session or wrong session token");
        }
        return session;
    }

    /** Stores the visitor's message, with the image they sent in this session if there is one. */
    public Appended postVisitorMessage(String sessionId, String text, String clientMsgId, String attachmentId) {
        transcript.requireFits(text);
        // the session it belongs to, not the image: its bytes (up to the size limit) are not needed here
        if (attachmentId != null && !em.createNamedQuery(Attachment.SESSION_OF, String.class).setParameter("id", attachmentId)
                .getResultStream().findFirst().filter(sessionId::equals).isPresent()) {
            throw new ConversationException("not_found", "There is no attachment " + attachmentId + " in this session");
        }
        Appended appended = transcript.append(sessionId, Sender.USER, text, clientMsgId);
        if (attachmentId != null && !appended.duplicate()) {
            appended.message().attach(attachmentId);
        }
        return appended;
    }

    /**
     * The visitor's rating of their conversation, whatever its status (the widget asks once it has ended); rating again
     * replaces it. An unknown session and a wrong token are refused alike.
     */
    public ChatSession rate(String sessionId, String token, int score, String comment) {
        ChatSession session = transcript.locked(held(sessionId, token).id());
        session.rate(score, comment);
        return session;
    }

    public void end(String sessionId) {
        ChatSession session = transcript.locked(sessionId);
        if (session.isOpen()) {
            transcript.move(session, SessionStatus.CLOSED, null, null);
        }
    }

    public record Started(ChatSession session, String token) {
    }

    /** The session and its messages; or, when it is over (idle too long, ended, resolved), the new session that replaces it. */
    public record Resumed(ChatSession session, List<ChatMessage> messages, Optional<Started> replacement) {
    }
}
