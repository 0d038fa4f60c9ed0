package io.parley.conversations.boundary;

import io.parley.conversations.control.Transcript;
import io.parley.conversations.control.Transcript.Appended;
import io.parley.conversations.entity.ChatMessage;
import io.parley.conversations.entity.ChatSession;
import io.parley.conversations.entity.ConversationException;
import io.parley.conversations.entity.InternalNote;
import io.parley.conversations.entity.Sender;
import io.parley.conversations.entity.SessionStatus;
import io.parley.conversations.entity.VisitorMeta;
import io.parley.identity.entity.User;
import io.parley.platform.control.CriteriaPages;
import io.parley.platform.entity.Page;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The agents' side of conversations: the inbox, joining a session, writing to the visitor, notes for colleagues,
 * taking, assigning and closing sessions. An agent reaches unassigned sessions and their own; an admin every session.
 * Writing to a session nobody owns takes it: the assistant falls silent while an agent owns a session. When an agent
 * takes a conversation up, the visitor is told so by a stored system message ("Ada joined the conversation").
 */
@Stateless
public class Desk {

    public static final int MAX_PAGE_OF_MESSAGES = 500;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Transcript transcript;

    @EJB
    Conversations conversations;

    /** What the visitor is told when an agent takes the conversation up; {@code {name}} is the agent's display name. */
    @Inject
    @ConfigProperty(name = "parley.chat.agent-joined-message")
    String agentJoinedMessage;

    /** The session's messages and notes for an agent who opens it; its owner thereby takes it up. */
    public Joined join(User agent, String sessionId, long afterSeq) {
        ChatSession session = visible(agent, transcript.locked(sessionId));
        Optional<ChatMessage> joined = session.acceptBy(agent.id()) ? announce(session, agent) : Optional.empty();
        return new Joined(session, transcript.after(sessionId, afterSeq), notes(sessionId), joined);
    }

    public ChatSession detail(User agent, String sessionId) {
        return visible(agent, em.find(ChatSession.class, sessionId));
    }

    public List<ChatMessage> messages(User agent, String sessionId, long afterSeq, int limit) {
        if (limit < 1 || limit > MAX_PAGE_OF_MESSAGES) {
            throw new ConversationException("invalid", "limit must be between 1 and " + MAX_PAGE_OF_MESSAGES);
        }
        detail(agent, sessionId);
        return transcript.after(sessionId, afterSeq, limit);
    }

    /** Stores an agent's message; a session without an owner becomes the agent's. */
    public AgentPosted postAgentMessage(User agent, String sessionId, String text, String clientMsgId) {
        transcript.requireFits(text);
        ChatSession session = transcript.locked(sessionId);
        requireWritable(agent, session);
        boolean taken = session.assignedAgentId() == null;
        if (taken) {
            transcript.move(session, SessionStatus.ASSIGNED, agent.id(), agent.id());
        }
        boolean takenUp = session.acceptBy(agent.id()) || taken;
        Optional<ChatMessage> joined = takenUp ? announce(session, agent) : Optional.empty();
        Appended appended = transcript.append(sessionId, agent, text, clientMsgId);
        return new AgentPosted(appended, taken && !appended.duplicate(), joined);
    }

    /** Proactive chat: a new session for a visitor on the site, owned by the agent, opened with the agent's message. */
    public Initiated initiate(User agent, VisitorMeta visitor, String text) {
        transcript.requireFits(text);
        Conversations.Started started = conversations.start(visitor);
        em.flush(); // the new row must be in the database before it can be locked for the first message
        ChatSession session = transcript.locked(started.session().id());
        transcript.move(session, SessionStatus.ASSIGNED, agent.id(), agent.id());
        session.joinedBy(agent.id()); // the visitor sees who it is from the first message: no notice that they joined
        Appended first = transcript.append(session.id(), agent, text, null);
        return new Initiated(started, first.message());
    }

    public InternalNote addNote(User agent, String sessionId, String text) {
        transcript.requireFits(text);
        visible(agent, em.find(ChatSession.class, sessionId));
        InternalNote note = new InternalNote(sessionId, agent.id(), text);
        em.persist(note);
        return note;
    }

    /**
     * Gives an open session to an agent: an admin to anyone, an agent sessions that are unassigned or their own. Agents
     * who assign a conversation to themselves take it up at once; anyone else takes it up when they join or write.
     */
    public Assigned assign(User actor, String sessionId, String agentId) {
        ChatSession session = transcript.locked(sessionId);
        requireWritable(actor, session);
        User assignee = agentId == null ? null : em.find(User.class, agentId);
        if (assignee == null || !assignee.active()) {
            throw new ConversationException("invalid", "There is no active agent " + agentId);
        }
        transcript.move(session, SessionStatus.ASSIGNED, assignee.id(), actor.id());
        return new Assigned(session, assignee.id().equals(actor.id()) ? announce(session, assignee) : Optional.empty());
    }

    /** An agent resolves the conversation; the visitor can start a new one. */
    public ChatSession close(User actor, String sessionId) {
        ChatSession session = transcript.locked(sessionId);
        requireWritable(actor, session);
        transcript.move(session, SessionStatus.RESOLVED, session.assignedAgentId(), actor.id());
        return session;
    }

    /** The inbox: newest activity first, filtered; what an agent may not see is never counted either. */
    public Page<ChatSession> inbox(User agent, Filter filter, int page, int size) {
        return CriteriaPages.page(em, ChatSession.class, (cb, session) -> conditions(cb, session, agent, filter),
                (cb, session) -> List.of(cb.desc(session.get("lastActivityAt")), cb.asc(session.get("id"))), page, size);
    }

    /** Tells the visitor that the agent who has just taken the conversation up joined it, unless they were told last time. */
    private Optional<ChatMessage> announce(ChatSession session, User agent) {
        if (!session.joinedBy(agent.id())) {
            return Optional.empty();
        }
        String text = agentJoinedMessage.replace("{name}", agent.name());
        return Optional.of(transcript.append(session.id(), Sender.SYSTEM, text, null).message());
    }

    private List<InternalNote> notes(String sessionId) {
        return em.createNamedQuery(InternalNote.OF_SESSION, InternalNote.class).setParameter("sessionId", sessionId).getResultList();
    }

    private static Predicate[] conditions(CriteriaBuilder cb, Root<ChatSession> session, User agent, Filter filter) {
        List<Predicate> conditions = new ArrayList<>();
        if (!agent.isAdmin()) {
            conditions.add(cb.or(cb.isNull(session.get("assignedAgentId")), cb.equal(session.get("assignedAgentId"), agent.id())));
        }
        switch (filter.view()) {
            case MINE -> {
                conditions.add(cb.equal(session.get("assignedAgentId"), agent.id()));
                conditions.add(session.get("status").in(SessionStatus.ASSIGNED));
            }
            case UNASSIGNED -> {
                conditions.add(cb.isNull(session.get("assignedAgentId")));
                conditions.add(session.get("status").in(SessionStatus.ACTIVE, SessionStatus.WAITING_AGENT));
            }
            case RESOLVED -> conditions.add(session.get("status").in(SessionStatus.RESOLVED, SessionStatus.CLOSED));
            case ALL -> { }
        }
        if (filter.status() != null) {
            conditions.add(cb.equal(session.get("status"), filter.status()));
        }
        if (filter.assignedAgentId() != null) {
            conditions.add(cb.equal(session.get("assignedAgentId"), filter.assignedAgentId()));
        }
        if (filter.from() != null) {
            conditions.add(cb.greaterThanOrEqualTo(session.get("createdAt"), filter.from()));
        }
        if (filter.to() != null) {
            conditions.add(cb.lessThan(session.get("createdAt"), filter.to()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%" + filter.text().strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
            conditions.add(cb.or(
                    cb.like(cb.lower(session.get("visitor").get("name")), like),
                    cb.like(cb.lower(session.get("visitor").get("email")), like)));
        }
        return conditions.toArray(Predicate[]::new);
    }

    private ChatSession visible(User agent, ChatSession session) {
        if (session == null || !agent.isAdmin() && session.assignedAgentId() != null && !session.assignedAgentId().equals(agent.id())) {
            throw new ConversationException("session_not_found", "There is no such session in your inbox");
        }
        return session;
    }

    private void requireWritable(User agent, ChatSession session) {
        visible(agent, session);
        if (!session.isOpen()) {
            throw new ConversationException("session_closed", "This chat session has ended");
        }
    }

    /** Which inbox view: the agent's own open sessions, the queue without an owner, finished ones, or all. */
    public enum View { MINE, UNASSIGNED, RESOLVED, ALL }

    public record Filter(View view, SessionStatus status, String assignedAgentId, LocalDateTime from, LocalDateTime to, String text) {
    }

    /** What an agent who opens a session sees, and the notice that they joined it if they took it up now. */
    public record Joined(ChatSession session, List<ChatMessage> messages, List<InternalNote> notes, Optional<ChatMessage> joined) {
    }

    /** The session as assigned, and the notice that its agent joined it if they assigned it to themselves. */
    public record Assigned(ChatSession session, Optional<ChatMessage> joined) {
    }

    /** A session an agent started, with its token for the visitor and the agent's first message. */
    public record Initiated(Conversations.Started started, ChatMessage message) {
    }

    /**
     * The stored message, whether writing it made the agent the session's owner, and the notice that they joined it (stored
     * before their message) if writing took it up.
     */
    public record AgentPosted(Appended appended, boolean took, Optional<ChatMessage> joined) {
    }
}
