package io.parley.conversations.control;

import io.parley.conversations.entity.ChatMessage;
import io.parley.conversations.entity.ChatSession;
import io.parley.conversations.entity.ConversationException;
import io.parley.conversations.entity.Sender;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The ordered messages of a session. Appending locks the session row, so concurrent writers
 * (visitor, agents, assistant, on any cluster node) get consecutive sequence numbers without gaps,
 * and a repeated client message id finds the message stored the first time.
 * Runs inside the caller's transaction.
 */
@Dependent
public class Transcript {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    public Appended append(String sessionId, Sender sender, String text, String clientMsgId) {
        ChatSession session = em.find(ChatSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            throw new ConversationException("session_not_found", "This chat session does not exist");
        }
        if (!session.isOpen()) {
            throw new ConversationException("session_closed", "This chat session has ended");
        }
        if (clientMsgId != null) {
            List<ChatMessage> earlier = em.createNamedQuery(ChatMessage.BY_CLIENT_MSG_ID, ChatMessage.class)
                    .setParameter("sessionId", sessionId)
                    .setParameter("clientMsgId", clientMsgId)
                    .getResultList();
            if (!earlier.isEmpty()) {
                return new Appended(earlier.get(0), true);
            }
        }
        ChatMessage message = new ChatMessage(sessionId, session.nextSeq(), sender, text, clientMsgId);
        em.persist(message);
        return new Appended(message, false);
    }

    public List<ChatMessage> after(String sessionId, long afterSeq) {
        return em.createNamedQuery(ChatMessage.AFTER_SEQ, ChatMessage.class)
                .setParameter("sessionId", sessionId)
                .setParameter("afterSeq", afterSeq)
                .getResultList();
    }

    /** A stored message, and whether it had been stored before under the same client message id. */
    public record Appended(ChatMessage message, boolean duplicate) {
    }
}
