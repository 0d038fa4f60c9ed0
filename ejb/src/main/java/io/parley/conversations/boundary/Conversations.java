package io.parley.conversations.boundary;

import io.parley.conversations.control.SessionExpiry;
import io.parley.conversations.control.SessionTokens;
import io.parley.conversations.control.Transcript;
import io.parley.conversations.control.Transcript.Appended;
import io.parley.conversations.control.Transcript.Entry;
import io.parley.conversations.control.Transcript.Outcome;
import io.parley.conversations.entity.ChatMessage;
import io.parley.conversations.entity.Attachment;
import io.parley.conversations.entity.ChatSession;
import io.parley.platform.entity.Refusal;
import io.parley.conversations.entity.Sender;
import io.parley.conversations.entity.VisitorMeta;
import io.parley.conversations.entity.MessageStored;
import io.parley.conversations.entity.SessionChanged;
import io.parley.conversations.entity.SessionEnded;
import io.parley.conversations.entity.Typing;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A visitor's side of a conversation: start, resume with the session token, write, end. Every change is announced once
 * it is committed ({@link SessionChanged}, {@link MessageStored}, {@link SessionEnded}).
 */
@Stateless
public class Conversations {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Transcript transcript;

    @Inject
    SessionExpiry expiry;

    @Inject
    Event<SessionChanged> changed;

    @Inject
    Event<SessionEnded> ended;

    @Inject
    Event<MessageStored> stored;

    @Inject
    Event<Typing> typed;

    public Started start(VisitorMeta visitor) {
        String token = SessionTokens.issue();
        ChatSession session = new ChatSession(SessionTokens.hash(token), visitor);
        em.persist(session);
        changed.fire(SessionChanged.of(session));
        return new Started(session, token);
    }

    /**
     * The first page of the messages after {@code afterSeq} ({@link #replay} gives the next), in order, for the holder
     * of the session's token.
     * An unknown session and a wrong token are refused alike, so neither reveals that a session exists.
     */
    public Resumed resume(String sessionId, String token, long afterSeq) {
        ChatSession session = held(sessionId, token);
        if (!session.isOpen() || expiry.isIdle(session)) {
            // over: idle past the timeout (closed now, or already by the minute's sweep), ended or resolved
            if (session.isOpen()) {
                expiry.expire(session.id()).ifPresent(expired -> ended.fire(new SessionEnded(expired, SessionEnded.By.EXPIRY)));
            }
            return new Resumed(session, List.of(), Optional.of(start(session.visitor().copy())));
        }
        return new Resumed(session, transcript.replay(sessionId, afterSeq), Optional.empty());
    }

    /** The next page of the replay of a session the visitor's socket holds (it resumed it): messages after {@code afterSeq}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ChatMessage> replay(String sessionId, long afterSeq) {
        return transcript.replay(sessionId, afterSeq);
    }

    /**
     * The session whose token the visitor holds. An unknown session and a wrong token are refused alike.
     * @throws Refusal ({@code session_refused})
     */
    public ChatSession held(String sessionId, String token) {
        ChatSession session = sessionId == null || token == null ? null : em.find(ChatSession.class, sessionId);
        if (session == null || !SessionTokens.matches(token, session.tokenHash())) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "session_refused", "Unknown session or wrong session token");
        }
        return session;
    }

    /**
     * Stores visitors' messages, of one session or many, in one transaction (the message path's group commit): each
     * with the image its visitor sent in the same session if it names one. A message refused (too long, an image of
     * another session or one another message carries already, a session that has ended) is refused alone; the outcomes
     * are in the order of the posts.
     */
    public List<Outcome> postVisitorMessages(List<VisitorPost> posts) {
        Map<String, String> imageSessions = ofImages(Attachment.SESSIONS_OF, posts);
        Map<String, String> carriers = ofImages(ChatMessage.CARRYING, posts);
        Outcome[] outcomes = new Outcome[posts.size()];
        List<Integer> accepted = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            VisitorPost post = posts.get(i);
            if (!transcript.fits(post.text())) {
                outcomes[i] = Outcome.refused(transcript.tooLong());
            } else if (post.attachmentId() != null && !post.sessionId().equals(imageSessions.get(post.attachmentId()))) {
                outcomes[i] = Outcome.refused(new Refusal(Refusal.Kind.NOT_FOUND, "not_found", "There is no attachment " + post.attachmentId() + " in this session"));
            } else if (post.attachmentId() != null && !post.clientMsgId().equals(carriers.merge(post.attachmentId(), post.clientMsgId(), (first, next) -> first))) {
                outcomes[i] = Outcome.refused(new Refusal(Refusal.Kind.CONFLICT, "attachment_used", "That image is in the conversation already; send it again to ask about it again"));
            } else {
                accepted.add(i);
                entries.add(new Entry(post.sessionId(), Sender.USER, null, post.text(), post.clientMsgId()));
            }
        }
        List<Outcome> appended = transcript.appendAll(entries);
        for (int j = 0; j < accepted.size(); j++) {
            Outcome outcome = appended.get(j);
            String attachmentId = posts.get(accepted.get(j)).attachmentId();
            Appended message = outcome.appended();
            if (message != null) {
                if (attachmentId != null && !message.duplicate()) {
                    message.message().attach(attachmentId);
                }
                stored.fire(new MessageStored(message.message(), message.session(), message.duplicate()));
            }
            outcomes[accepted.get(j)] = outcome;
        }
        return List.of(outcomes);
    }

    /**
     * A value for each image the posts name, from a query of pairs (image id, value) over {@code :ids}: the session it
     * was sent in ({@link Attachment#SESSIONS_OF}; the images' bytes are not needed here), or the client message id of
     * the message that carries it already ({@link ChatMessage#CARRYING}: an image goes with one message, and to the
     * assistant's model once, however many name it).
     */
    private Map<String, String> ofImages(String pairs, List<VisitorPost> posts) {
        List<String> ids = posts.stream().map(VisitorPost::attachmentId).filter(Objects::nonNull).distinct().toList();
        Map<String, String> values = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createNamedQuery(pairs, Object[].class).setParameter("ids", ids).getResultList()
                    .forEach(row -> values.put((String) row[0], (String) row[1]));
        }
        return values;
    }

    /**
     * The visitor's rating of their conversation, whatever its status (the widget asks once it has ended); rating again
     * replaces it. An unknown session and a wrong token are refused alike.
     */
    public ChatSession rate(String sessionId, String token, int score, String comment) {
        ChatSession session = transcript.locked(held(sessionId, token).id());
        session.rate(score, comment);
        changed.fire(SessionChanged.of(session));
        return session;
    }

    /** The visitor ends the conversation (its agent, if any, keeps it in their history); ending it again changes nothing. */
    public void end(String sessionId) {
        ChatSession session = transcript.locked(sessionId);
        if (session.isOpen()) {
            transcript.record(session.endByVisitor());
            ended.fire(new SessionEnded(session, SessionEnded.By.VISITOR));
        }
    }

    /** The visitor started or stopped writing: the agents who may see the session are shown it; nothing is stored. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void typing(String sessionId, boolean isTyping) {
        ChatSession session = em.find(ChatSession.class, sessionId);
        if (session != null) {
            typed.fire(new Typing(session, Sender.USER, null, null, isTyping));
        }
    }

    public record Started(ChatSession session, String token) {
    }

    /** A visitor's message for {@link #postVisitorMessages}: its session, text, client message id and image (may be null). */
    public record VisitorPost(String sessionId, String text, String clientMsgId, String attachmentId) {
    }

    /** The session and its messages; or, when it is over (idle too long, ended, resolved), the new session that replaces it. */
    public record Resumed(ChatSession session, List<ChatMessage> messages, Optional<Started> replacement) {
    }
}
