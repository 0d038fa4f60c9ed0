package io.parley.conversations.control;

import io.parley.conversations.entity.ChatMessage;
import io.parley.conversations.entity.ChatSession;
import io.parley.conversations.entity.ConversationException;
import io.parley.conversations.entity.Sender;
import io.parley.conversations.entity.SessionStatus;
import io.parley.conversations.entity.SessionTransition;
import io.parley.identity.entity.User;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    @Inject
    @ConfigProperty(name = "parley.chat.max-text-length", defaultValue = "4000")
    int maxTextLength;

    /** @throws ConversationException ({@code text_too_long}) when a person's text is longer than the configured limit */
    public void requireFits(String text) {
        if (text.length() > maxTextLength) {
            throw new ConversationException("text_too_long", "A message can have at most " + maxTextLength + " characters");
        }
    }

    /** The session, locked for the rest of the transaction: its messages and its status change one at a time. */
    public ChatSession locked(String sessionId) {
        List<ChatSession> found = sessionId == null ? List.of()
                : em.createNamedQuery(ChatSession.LOCKED, ChatSession.class).setParameter("id", sessionId).getResultList();
        if (found.isEmpty()) {
            throw new ConversationException("session_not_found", "This chat session does not exist");
        }
        return found.get(0);
    }

    /** Moves the session to {@code next} (owner {@code agentId}) and records the transition. Call with the row locked. */
    public SessionTransition move(ChatSession session, SessionStatus next, String agentId, String actorId) {
        SessionTransition transition = session.moveTo(next, agentId, actorId);
        em.persist(transition);
        return transition;
    }

    /** Stores a message of the visitor, the assistant or the system with the session's next seq. */
    public Appended append(String sessionId, Sender sender, String text, String clientMsgId) {
        return append(sessionId, sender, null, text, clientMsgId);
    }

    /** Stores an agent's message with the session's next seq, signed with who they are now (id and display name). */
    public Appended append(String sessionId, User agent, String text, String clientMsgId) {
        return append(sessionId, Sender.AGENT, agent, text, clientMsgId);
    }

    private Appended append(String sessionId, Sender sender, User author, String text, String clientMsgId) {
        ChatSession session = locked(sessionId);
        if (!session.isOpen()) {
            throw new ConversationException("session_closed", "This chat session has ended");
        }
        if (clientMsgId != null) {
            List<ChatMessage> earlier = em.createNamedQuery(ChatMessage.BY_CLIENT_MSG_ID, ChatMessage.class)
                    .setParameter("sessionId", sessionId)
                    .setParameter("clientMsgId", clientMsgId)
                    .getResultList();
            if (!earlier.isEmpty()) {
                return new Appended(earlier.get(0), true, session);
            }
        }
        ChatMessage message = new ChatMessage(sessionId, session.nextSeq(), sender, author == null ? null : author.id(),
                author == null ? null : author.name(), text, clientMsgId);
        em.persist(message);
        return new Appended(message, false, session);
    }

    /** Every message after {@code afterSeq}, in order: what a reconnecting client replays. */
    public List<ChatMessage> after(String sessionId, long afterSeq) {
        return after(sessionId, afterSeq, Integer.MAX_VALUE);
    }

    /** At most {@code limit} messages after {@code afterSeq}, in order: a page, read by the database, not in memory. */
    public List<ChatMessage> after(String sessionId, long afterSeq, int limit) {
        return em.createNamedQuery(ChatMessage.AFTER_SEQ, ChatMessage.class)
                .setParameter("sessionId", sessionId)
                .setParameter("afterSeq", afterSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    /** A stored message, whether it had been stored before under the same client message id, and its session. */
    public record Appended(ChatMessage message, boolean duplicate, ChatSession session) {
    }
}
