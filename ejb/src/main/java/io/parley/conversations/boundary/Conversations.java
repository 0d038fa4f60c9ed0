package io.parley.conversations.boundary;

import io.parley.conversations.control.SessionExpiry;
import io.parley.conversations.control.SessionTokens;
import io.parley.conversations.control.Transcript;
import io.parley.conversations.control.Transcript.Entry;
import io.parley.conversations.control.Transcript.Outcome;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /**
     * Stores visitors' messages, of one session or many, in one transaction (the message path's group commit): each
     * with the image its visitor sent in the same session if it names one. A message refused (too long, an image of
     * another session, a session that has ended) is refused alone; the outcomes are in the order of the posts.
     */
    public List<Outcome> postVisitorMessages(List<VisitorPost> posts) {
        Map<String, String> imageSessions = sessionsOfImages(posts);
        Outcome[] outcomes = new Outcome[posts.size()];
        List<Integer> accepted = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            VisitorPost post = posts.get(i);
            if (!transcript.fits(post.text())) {
                outcomes[i] = Outcome.refused(transcript.tooLong());
            } else if (post.attachmentId() != null && !post.sessionId().equals(imageSessions.get(post.attachmentId()))) {
                outcomes[i] = Outcome.refused(new ConversationException("not_found", "There is no attachment " + post.attachmentId() + " in this session"));
            } else {
                accepted.add(i);
                entries.add(new Entry(post.sessionId(), Sender.USER, null, post.text(), post.clientMsgId()));
            }
        }
        List<Outcome> appended = transcript.appendAll(entries);
        for (int j = 0; j < accepted.size(); j++) {
            Outcome outcome = appended.get(j);
            String attachmentId = posts.get(accepted.get(j)).attachmentId();
            if (attachmentId != null && outcome.appended() != null && !outcome.appended().duplicate()) {
                outcome.appended().message().attach(attachmentId);
            }
            outcomes[accepted.get(j)] = outcome;
        }
        return List.of(outcomes);
    }

    /** The session of each image the posts name (not the images: their bytes, up to the size limit, are not needed here). */
    private Map<String, String> sessionsOfImages(List<VisitorPost> posts) {
        List<String> ids = posts.stream().map(VisitorPost::attachmentId).filter(Objects::nonNull).distinct().toList();
        Map<String, String> sessions = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createNamedQuery(Attachment.SESSIONS_OF, Object[].class).setParameter("ids", ids).getResultList()
                    .forEach(row -> sessions.put((String) row[0], (String) row[1]));
        }
        return sessions;
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

    /** A visitor's message for {@link #postVisitorMessages}: its session, text, client message id and image (may be null). */
    public record VisitorPost(String sessionId, String text, String clientMsgId, String attachmentId) {
    }

    /** The session and its messages; or, when it is over (idle too long, ended, resolved), the new session that replaces it. */
    public record Resumed(ChatSession session, List<ChatMessage> messages, Optional<Started> replacement) {
    }
}
