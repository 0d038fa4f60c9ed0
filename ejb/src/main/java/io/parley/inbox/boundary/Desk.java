package io.parley.inbox.boundary;

import io.parley.conversations.entity.SessionRefusals;
import io.parley.conversations.boundary.Attachments;
import io.parley.conversations.boundary.Conversations;
import io.parley.conversations.control.Transcript;
import io.parley.conversations.entity.Attachment;
import io.parley.conversations.control.Transcript.Appended;
import io.parley.conversations.entity.ChatMessage;
import io.parley.conversations.entity.ChatSession;
import io.parley.platform.entity.Refusal;
import io.parley.conversations.entity.InternalNote;
import io.parley.conversations.entity.Sender;
import io.parley.conversations.entity.SessionStatus;
import io.parley.conversations.entity.Assigned;
import io.parley.conversations.entity.ChatInitiated;
import io.parley.conversations.entity.MessageStored;
import io.parley.conversations.entity.NoteAdded;
import io.parley.conversations.entity.NoticeStored;
import io.parley.conversations.entity.SessionChanged;
import io.parley.conversations.entity.SessionEnded;
import io.parley.conversations.entity.Typing;
import io.parley.conversations.entity.VisitorMeta;
import io.parley.identity.entity.User;
import io.parley.platform.control.CriteriaPages;
import io.parley.platform.entity.Page;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    static final int EARLIER_AT_MOST = 10;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Transcript transcript;

    @EJB
    Conversations conversations;

    @EJB
    Attachments attachments;

    @Inject
    Event<SessionChanged> changed;

    @Inject
    Event<SessionEnded> ended;

    @Inject
    Event<MessageStored> stored;

    @Inject
    Event<NoticeStored> notices;

    @Inject
    Event<NoteAdded> noted;

    @Inject
    Event<Assigned> assigned;

    @Inject
    Event<ChatInitiated> initiated;

    @Inject
    Event<Typing> typed;

    /** What the visitor is told when an agent takes the conversation up; {@code {name}} is the agent's display name. */
    @Inject
    @ConfigProperty(name = "parley.chat.agent-joined-message")
    String agentJoinedMessage;

    /**
     * The session's notes and the first page of its messages after {@code afterSeq} ({@link #replay} gives the next)
     * for an agent who opens it; its owner thereby takes it up.
     */
    public Joined join(User agent, String sessionId, long afterSeq) {
        ChatSession session = visible(agent, transcript.locked(sessionId));
        if (session.acceptBy(agent.id())) {
            announce(session, agent);
            changed.fire(SessionChanged.of(session)); // the visitor no longer waits: the inboxes show it
        }
        return new Joined(session, transcript.replay(sessionId, afterSeq), notes(sessionId));
    }

    /** The next page of a session's replay for an agent who may see it: messages after {@code afterSeq}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ChatMessage> replay(User agent, String sessionId, long afterSeq) {
        detail(agent, sessionId);
        return transcript.replay(sessionId, afterSeq);
    }

    /** An image of a session the agent may see; any other gets {@code not_found} as if it did not exist. */
    public Attachment attachment(User agent, String attachmentId) {
        Attachment attachment = attachments.find(attachmentId);
        detail(agent, attachment.sessionId());
        return attachment;
    }

    public ChatSession detail(User agent, String sessionId) {
        return visible(agent, em.find(ChatSession.class, sessionId));
    }

    /**
     * A page of a session's messages, in order: those after {@code afterSeq}, or, given {@code beforeSeq}, the latest
     * of those before it (a transcript read upward).
     */
    public List<ChatMessage> messages(User agent, String sessionId, long afterSeq, Long beforeSeq, int limit) {
        if (limit < 1 || limit > MAX_PAGE_OF_MESSAGES) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid", "limit must be between 1 and " + MAX_PAGE_OF_MESSAGES);
        }
        if (beforeSeq != null && afterSeq > 0) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid", "give afterSeq or beforeSeq, not both");
        }
        detail(agent, sessionId);
        return beforeSeq == null ? transcript.after(sessionId, afterSeq, limit) : transcript.before(sessionId, beforeSeq, limit);
    }

    /**
     * Stores an agent's message (or finds the one stored before under its client message id) and returns it; a session
     * without an owner becomes the agent's. The visitor is told first that the agent joined, when writing took the
     * conversation up.
     */
    public ChatMessage postAgentMessage(User agent, String sessionId, String text, String clientMsgId, String attachmentId) {
        transcript.requireFits(text);
        if (text.isBlank() && attachmentId == null) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid", "A message needs words or an image");
        }
        ChatSession session = transcript.locked(sessionId);
        requireWritable(agent, session);
        boolean taken = session.isUnowned();
        if (taken) {
            transcript.record(session.takeBy(agent.id()));
        }
        boolean takenUp = session.acceptBy(agent.id()) || taken;
        if (takenUp) {
            announce(session, agent);
        }
        Appended appended = transcript.append(sessionId, agent, text, clientMsgId);
        if (attachmentId != null && !appended.duplicate()) {
            appended.message().attach(carriable(sessionId, attachmentId, clientMsgId));
        }
        stored.fire(new MessageStored(appended.message(), session, appended.duplicate()));
        if (takenUp) {
            changed.fire(SessionChanged.of(session));
        }
        return appended.message();
    }

    /**
     * The image an agent's message carries: one sent in this session ({@link #addImage}) that no other message carries.
     * @throws Refusal ({@code not_found}, {@code attachment_used}) otherwise
     */
    private String carriable(String sessionId, String attachmentId, String clientMsgId) {
        attachments.of(sessionId, attachmentId);
        attachments.requireUncarried(attachmentId, clientMsgId);
        return attachmentId;
    }

    /** Whether the agent may write in the session now (before they send it an image, whose bytes are read after). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void requireWritable(User agent, String sessionId) {
        requireWritable(agent, em.find(ChatSession.class, sessionId));
    }

    /**
     * An image an agent sends in a session they may write to, stored as a visitor's is (checked by its bytes): a
     * message names it next ({@code agent_message}'s {@code attachmentUrl}).
     * @throws Refusal ({@code not_an_image}) when the bytes are no image Parley shows
     */
    public Attachment addImage(User agent, String sessionId, byte[] content) {
        requireWritable(agent, sessionId);
        return attachments.store(sessionId, content);
    }

    /**
     * Proactive chat: a new session for a visitor on the site ({@code visitorId}), owned by the agent, opened with the
     * agent's message; the visitor's page is given the session and its token.
     */
    public Initiated initiate(User agent, String visitorId, VisitorMeta visitor, String text) {
        transcript.requireFits(text);
        Conversations.Started started = conversations.start(visitor);
        em.flush(); // the new row must be in the database before it can be locked for the first message
        ChatSession session = transcript.locked(started.session().id());
        transcript.record(session.takeBy(agent.id()));
        session.joinedBy(agent.id()); // the visitor sees who it is from the first message: no notice that they joined
        ChatMessage first = transcript.append(session.id(), agent, text, null).message();
        stored.fire(new MessageStored(first, session, false));
        initiated.fire(new ChatInitiated(session, started.token(), first, visitorId));
        return new Initiated(started, first);
    }

    public InternalNote addNote(User agent, String sessionId, String text) {
        transcript.requireFits(text);
        ChatSession session = visible(agent, em.find(ChatSession.class, sessionId));
        InternalNote note = new InternalNote(sessionId, agent.id(), text);
        em.persist(note);
        noted.fire(new NoteAdded(note, session));
        return note;
    }

    /** An agent started or stopped writing in a session they may see: shown to the visitor and the other agents. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void typing(User agent, String sessionId, boolean isTyping) {
        typed.fire(new Typing(detail(agent, sessionId), Sender.AGENT, agent.id(), agent.name(), isTyping));
    }

    /**
     * Gives an open session to an agent: an admin to anyone, an agent sessions that are unassigned or their own. Agents
     * who assign a conversation to themselves take it up at once; anyone else takes it up when they join or write.
     */
    public ChatSession assign(User actor, String sessionId, String agentId) {
        ChatSession session = transcript.locked(sessionId);
        requireWritable(actor, session);
        User assignee = agentId == null ? null : em.find(User.class, agentId);
        if (assignee == null || !assignee.active()) {
            throw new Refusal(Refusal.Kind.INVALID, "invalid", "There is no active agent " + agentId);
        }
        String former = session.assignedAgentId();
        transcript.record(session.giveTo(assignee.id(), actor.id()));
        if (assignee.id().equals(actor.id())) {
            announce(session, assignee);
        }
        changed.fire(new SessionChanged(session, former));
        assigned.fire(new Assigned(session));
        return session;
    }

    /** An agent resolves the conversation; the visitor can start a new one, and the agent's place goes to the queue. */
    public ChatSession close(User actor, String sessionId) {
        ChatSession session = transcript.locked(sessionId);
        requireWritable(actor, session);
        transcript.record(session.resolve(actor.id()));
        ended.fire(new SessionEnded(session, SessionEnded.By.AGENT));
        return session;
    }

    /**
     * The inbox, filtered: the latest activity first, the queue as {@link #queueFirst}; what an agent may not see is
     * never counted either.
     */
    public Page<ChatSession> inbox(User agent, Filter filter, int page, int size) {
        return CriteriaPages.page(em, ChatSession.class, (cb, session) -> conditions(cb, session, agent, filter),
                (cb, session) -> filter.view() == View.UNASSIGNED ? queueFirst(cb, session)
                        : List.of(cb.desc(session.get("lastActivityAt")), cb.asc(session.get("id"))), page, size);
    }

    /**
     * Unassigned conversations: first the visitors waiting for a person, the one who has waited longest first (as routing
     * serves them), then those with the assistant, the latest activity first. Nulls sort differently by database, so
     * whether one waits is its own key.
     */
    private static List<Order> queueFirst(CriteriaBuilder cb, Root<ChatSession> session) {
        Expression<Integer> waits = cb.<Integer>selectCase().when(cb.isNull(session.get("waitingSince")), 1).otherwise(0);
        return List.of(cb.asc(waits), cb.asc(session.get("waitingSince")), cb.desc(session.get("lastActivityAt")),
                cb.asc(session.get("id")));
    }

    /** Tells the visitor that the agent who has just taken the conversation up joined it, unless they were told last time. */
    private void announce(ChatSession session, User agent) {
        if (session.joinedBy(agent.id())) {
            String text = agentJoinedMessage.replace("{name}", agent.name());
            ChatMessage notice = transcript.append(session.id(), Sender.SYSTEM, text, null).message();
            notices.fire(new NoticeStored(notice, session, NoticeStored.Notice.agentJoined(agent.name())));
        }
    }

    /**
     * The visitor's other conversations that the agent may see — those in which they gave the same e-mail address —
     * newest first, at most {@value #EARLIER_AT_MOST}; none when they gave no address.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ChatSession> earlier(User agent, ChatSession session) {
        String email = session.visitor() == null ? null : session.visitor().email();
        if (email == null) {
            return List.of();
        }
        return em.createNamedQuery(ChatSession.OF_VISITOR, ChatSession.class).setParameter("email", email.toLowerCase(Locale.ROOT))
                .setParameter("id", session.id()).setParameter("admin", agent.isAdmin()).setParameter("agentId", agent.id())
                .setMaxResults(EARLIER_AT_MOST).getResultList();
    }

    /** The internal notes of a session the agent may see, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<InternalNote> notes(User agent, String sessionId) {
        detail(agent, sessionId);
        return notes(sessionId);
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
            String like = CriteriaPages.containing(filter.text());
            conditions.add(cb.or(
                    cb.like(cb.lower(session.get("visitor").get("name")), like),
                    cb.like(cb.lower(session.get("visitor").get("email")), like)));
        }
        return conditions.toArray(Predicate[]::new);
    }

    private ChatSession visible(User agent, ChatSession session) {
        if (session == null || !session.isVisibleTo(agent.id(), agent.isAdmin())) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "session_not_found", "There is no such session in your inbox");
        }
        return session;
    }

    private void requireWritable(User agent, ChatSession session) {
        visible(agent, session);
        if (!session.isOpen()) {
            throw SessionRefusals.ended();
        }
    }

    /** Which inbox view: the agent's own open sessions, the queue without an owner, finished ones, or all. */
    public enum View { MINE, UNASSIGNED, RESOLVED, ALL }

    public record Filter(View view, SessionStatus status, String assignedAgentId, LocalDateTime from, LocalDateTime to, String text) {
    }

    /** What an agent who opens a session sees: the session, its messages after the seq asked for, and its notes. */
    public record Joined(ChatSession session, List<ChatMessage> messages, List<InternalNote> notes) {
    }

    /** A session an agent started, with its token for the visitor and the agent's first message. */
    public record Initiated(Conversations.Started started, ChatMessage message) {
    }

}
