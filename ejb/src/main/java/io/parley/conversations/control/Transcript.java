package io.parley.conversations.control;

import io.parley.conversations.entity.SessionRefusals;
import io.parley.conversations.entity.ChatMessage;
import io.parley.conversations.entity.ChatSession;
import io.parley.platform.entity.Refusal;
import io.parley.conversations.entity.Sender;
import io.parley.conversations.entity.SessionTransition;
import io.parley.identity.entity.User;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ordered messages of a session. Appending locks the session row, so concurrent writers
 * (visitor, agents, assistant, on any cluster node) get consecutive sequence numbers without gaps,
 * and a repeated client message id finds the message stored the first time.
 * Runs inside the caller's transaction.
 */
@Dependent
public class Transcript {

    /**
     * The most messages one frame of a replay carries (a client that reconnects after a long conversation gets it in
     * frames of this many, never all in one).
     */
    public static final int REPLAY_PAGE = 100;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "parley.chat.max-text-length", defaultValue = "4000")
    int maxTextLength;

    /** @throws Refusal ({@code text_too_long}) when a person's text is longer than the configured limit */
    public void requireFits(String text) {
        if (!fits(text)) {
            throw tooLong();
        }
    }

    public boolean fits(String text) {
        return text.length() <= maxTextLength;
    }

    public Refusal tooLong() {
        return new Refusal(Refusal.Kind.INVALID, "text_too_long", "A message can have at most " + maxTextLength + " characters");
    }

    /** The session, locked for the rest of the transaction: its messages and its status change one at a time. */
    public ChatSession locked(String sessionId) {
        List<ChatSession> found = sessionId == null ? List.of()
                : em.createNamedQuery(ChatSession.LOCKED, ChatSession.class).setParameter("id", sessionId).getResultList();
        if (found.isEmpty()) {
            throw SessionRefusals.unknown();
        }
        return found.get(0);
    }

    /** Stores a change of a session's status, made by one of {@link ChatSession}'s transitions with its row locked. */
    public void record(SessionTransition transition) {
        em.persist(transition);
    }

    /** Stores a message of the visitor, the assistant or the system with the session's next seq. */
    public Appended append(String sessionId, Sender sender, String text, String clientMsgId) {
        return appendAll(List.of(new Entry(sessionId, sender, null, text, clientMsgId))).get(0).orThrow();
    }

    /** Stores an agent's message with the session's next seq, signed with who they are now (id and display name). */
    public Appended append(String sessionId, User agent, String text, String clientMsgId) {
        return appendAll(List.of(new Entry(sessionId, Sender.AGENT, agent, text, clientMsgId))).get(0).orThrow();
    }

    /**
     * Stores messages of any sessions, in the given order, with a constant number of statements however many there are:
     * one select locks all their sessions (in id order, so that two groups never wait for each other in a circle), one
     * looks up their client message ids, and the inserts and session updates go out as JDBC batches. A message whose
     * session does not exist or has ended is refused on its own; the others are stored.
     */
    public List<Outcome> appendAll(List<Entry> entries) {
        Map<String, ChatSession> sessions = lockAll(entries.stream().map(Entry::sessionId).distinct().toList());
        Map<List<String>, ChatMessage> stored = storedWithClientIds(entries);
        List<Outcome> outcomes = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            ChatSession session = sessions.get(entry.sessionId());
            if (session == null) {
                outcomes.add(Outcome.refused(SessionRefusals.unknown()));
            } else if (!session.isOpen()) {
                outcomes.add(Outcome.refused(SessionRefusals.ended()));
            } else {
                outcomes.add(Outcome.of(append(session, entry, stored)));
            }
        }
        return outcomes;
    }

    /** The entry's message, or the one stored before under its client message id (in this group or earlier). */
    private Appended append(ChatSession session, Entry entry, Map<List<String>, ChatMessage> stored) {
        List<String> clientKey = Arrays.asList(session.id(), entry.clientMsgId());
        ChatMessage earlier = entry.clientMsgId() == null ? null : stored.get(clientKey);
        if (earlier != null) {
            return new Appended(earlier, true, session);
        }
        User author = entry.author();
        ChatMessage message = new ChatMessage(session.id(), session.nextSeq(), entry.sender(), author == null ? null : author.id(),
                author == null ? null : author.name(), entry.text(), entry.clientMsgId());
        em.persist(message);
        if (entry.clientMsgId() != null) {
            stored.put(clientKey, message);
        }
        return new Appended(message, false, session);
    }

    /** The sessions that exist among {@code sessionIds}, locked for the rest of the transaction, in id order. */
    public List<ChatSession> lockedAll(List<String> sessionIds) {
        return em.createNamedQuery(ChatSession.LOCKED_ALL, ChatSession.class).setParameter("ids", sessionIds).getResultList();
    }

    private Map<String, ChatSession> lockAll(List<String> sessionIds) {
        List<String> ids = sessionIds.stream().filter(Objects::nonNull).toList();
        Map<String, ChatSession> locked = new HashMap<>();
        if (!ids.isEmpty()) {
            lockedAll(ids).forEach(session -> locked.put(session.id(), session));
        }
        return locked;
    }

    /** The messages already stored under the entries' client message ids, by (session id, client message id). */
    private Map<List<String>, ChatMessage> storedWithClientIds(List<Entry> entries) {
        List<Entry> identified = entries.stream().filter(entry -> entry.sessionId() != null && entry.clientMsgId() != null).toList();
        Map<List<String>, ChatMessage> stored = new HashMap<>();
        if (!identified.isEmpty()) {
            // a superset (every pairing of the sessions and the ids), narrowed to the exact pairs by the map's keys
            em.createNamedQuery(ChatMessage.BY_CLIENT_MSG_IDS, ChatMessage.class)
                    .setParameter("sessionIds", identified.stream().map(Entry::sessionId).distinct().toList())
                    .setParameter("clientMsgIds", identified.stream().map(Entry::clientMsgId).distinct().toList())
                    .getResultList()
                    .forEach(message -> stored.put(Arrays.asList(message.sessionId(), message.clientMsgId()), message));
        }
        return stored;
    }

    /** The next page of a replay: at most {@value #REPLAY_PAGE} messages after {@code afterSeq}, in order. */
    public List<ChatMessage> replay(String sessionId, long afterSeq) {
        return after(sessionId, afterSeq, REPLAY_PAGE);
    }

    /** At most {@code limit} messages after {@code afterSeq}, in order: a page, read by the database, not in memory. */
    public List<ChatMessage> after(String sessionId, long afterSeq, int limit) {
        return em.createNamedQuery(ChatMessage.AFTER_SEQ, ChatMessage.class)
                .setParameter("sessionId", sessionId)
                .setParameter("afterSeq", afterSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * At most {@code limit} messages before {@code beforeSeq}, the latest of them, in order: the page above the ones a
     * reader holds, for a transcript read upward.
     */
    public List<ChatMessage> before(String sessionId, long beforeSeq, int limit) {
        List<ChatMessage> page = new ArrayList<>(em.createNamedQuery(ChatMessage.BEFORE_SEQ, ChatMessage.class)
                .setParameter("sessionId", sessionId)
                .setParameter("beforeSeq", beforeSeq)
                .setMaxResults(limit)
                .getResultList());
        Collections.reverse(page); // read latest first, so that the page is the one just above
        return page;
    }

    /** A message to store: who writes what into which session; {@code author} only for an agent's message. */
    public record Entry(String sessionId, Sender sender, User author, String text, String clientMsgId) {
    }

    /** A stored message, whether it had been stored before under the same client message id, and its session. */
    public record Appended(ChatMessage message, boolean duplicate, ChatSession session) {
    }

    /** What became of one message of a group: stored (or found stored before), or refused with the reason. */
    public record Outcome(Appended appended, Refusal refusal) {

        public static Outcome of(Appended appended) {
            return new Outcome(appended, null);
        }

        public static Outcome refused(Refusal refusal) {
            return new Outcome(null, refusal);
        }

        /** @throws Refusal when the message was refused */
        public Appended orThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return appended;
        }
    }
}
