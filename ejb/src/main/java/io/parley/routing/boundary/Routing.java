package io.parley.routing.boundary;

import io.parley.conversations.control.Transcript;
import io.parley.conversations.control.Transcript.Appended;
import io.parley.conversations.entity.ConversationException;
import io.parley.conversations.entity.Sender;
import io.parley.platform.control.UtcClock;
import io.parley.settings.boundary.Settings;
import jakarta.ejb.EJB;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.OptionalLong;
import io.parley.conversations.entity.ChatSession;
import io.parley.conversations.entity.SessionStatus;
import io.parley.identity.entity.User;
import io.parley.platform.entity.Refusal;
import io.parley.platform.entity.WireNames;
import io.parley.routing.control.AgentPicker;
import io.parley.routing.entity.AgentPresence;
import io.parley.routing.entity.AgentStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Agents' availability and the automatic assignment of waiting conversations. A session that asks for a person goes
 * to an online agent with room, chosen by the configured strategy; if there is none it waits, and the queue is drained
 * oldest first whenever room appears (an agent comes online, a conversation is resolved). The online agents' rows are
 * locked while choosing, so two nodes never give the same last free place away twice.
 */
@Stateless
public class Routing {

    public static final int MAX_CAPACITY = 50;
    static final int AT_MOST_PER_RUN = 100;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Transcript transcript;

    @Inject
    @ConfigProperty(name = "parley.routing.strategy")
    String strategy;

    @Inject
    @ConfigProperty(name = "parley.routing.default-capacity")
    int defaultCapacity;

    @Inject
    @ConfigProperty(name = "parley.routing.request-timeout-seconds")
    int requestTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "parley.routing.accept-timeout-seconds")
    int acceptTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "parley.chat.waiting-message")
    String waitingMessage;

    @Inject
    @ConfigProperty(name = "parley.chat.no-agent-message")
    String noAgentMessage;

    @Inject
    @ConfigProperty(name = "parley.chat.closed-message")
    String closedMessage;

    @EJB
    Settings settings;

    /**
     * The visitor asks for a person (or the assistant finds they should have one: {@code reason} says why, and is kept
     * with the move). Outside business hours they are told so and offered the offline form, and the
     * assistant goes on answering. Otherwise the session joins the queue (the assistant stops), the visitor's countdown
     * starts, and an agent with room gets it at once if there is one; with nobody online it waits in the unassigned
     * inbox and the visitor is offered the offline form at once rather than only when the countdown ends.
     * Asking again while waiting or talking to someone changes nothing.
     */
    public Request request(String sessionId, String reason) {
        ChatSession session = transcript.locked(sessionId);
        if (session.status() != SessionStatus.ACTIVE) {
            return new Request(session, Optional.empty(), Optional.empty(), Optional.empty(), secondsLeft(session));
        }
        if (!settings.isOpenNow()) {
            Appended notice = transcript.append(session.id(), Sender.SYSTEM, closedMessage, null);
            return new Request(session, Optional.of(notice), Optional.of(Unavailable.OUTSIDE_BUSINESS_HOURS), Optional.empty(), OptionalLong.empty());
        }
        List<AgentPresence> online = onlineLocked();
        transcript.move(session, SessionStatus.WAITING_AGENT, null, null).because(reason);
        Appended notice = transcript.append(sessionId, Sender.SYSTEM, online.isEmpty() ? noAgentMessage : waitingMessage, null);
        return new Request(session, Optional.of(notice), online.isEmpty() ? Optional.of(Unavailable.NO_AGENT_ONLINE) : Optional.empty(),
                assign(session, online, load()), secondsLeft(session));
    }

    /**
     * Assignments nobody took up in time: the agent is set away (they are evidently not at their desk) and the
     * conversation goes to the next agent with room, or back to the queue, with the visitor's countdown running on.
     */
    public List<Lapse> lapseUnaccepted() {
        LocalDateTime cutoff = UtcClock.now().minusSeconds(acceptTimeoutSeconds);
        List<Lapse> lapses = new ArrayList<>();
        for (String sessionId : em.createNamedQuery(ChatSession.UNACCEPTED, String.class).setParameter("cutoff", cutoff)
                .setMaxResults(AT_MOST_PER_RUN).getResultList()) {
            ChatSession session = transcript.locked(sessionId);
            if (!session.unacceptedSince(cutoff)) {
                continue; // taken up or moved on since the query
            }
            String agentId = session.assignedAgentId();
            AgentPresence presence = em.find(AgentPresence.class, agentId, LockModeType.PESSIMISTIC_WRITE);
            if (presence != null) {
                presence.change(AgentStatus.AWAY, null);
            }
            transcript.move(session, SessionStatus.WAITING_AGENT, null, null);
            lapses.add(new Lapse(session, agentId, assign(session, onlineLocked(), load())));
        }
        return lapses;
    }

    /** Visitors who waited the whole countdown: the assistant takes the conversation back and the offline form is offered. */
    public List<Appended> endLongWaits() {
        LocalDateTime cutoff = UtcClock.now().minusSeconds(requestTimeoutSeconds);
        List<Appended> ended = new ArrayList<>();
        for (String sessionId : em.createNamedQuery(ChatSession.WAITED_TOO_LONG, String.class).setParameter("cutoff", cutoff)
                .setMaxResults(AT_MOST_PER_RUN).getResultList()) {
            ChatSession session = transcript.locked(sessionId);
            if (session.status() == SessionStatus.WAITING_AGENT && session.waitingSince().isBefore(cutoff)) {
                transcript.move(session, SessionStatus.ACTIVE, null, null);
                ended.add(transcript.append(sessionId, Sender.SYSTEM, noAgentMessage, null));
            }
        }
        return ended;
    }

    /**
     * The agent (or an admin) lets go of a conversation without closing it: the assistant takes it back if the desk's
     * settings say so, otherwise it goes to another agent with room, or to the queue with a fresh countdown.
     */
    public Released release(User actor, String sessionId) {
        ChatSession session = transcript.locked(sessionId);
        String agentId = session.assignedAgentId();
        if (session.status() != SessionStatus.ASSIGNED || !actor.isAdmin() && !actor.id().equals(agentId)) {
            throw new ConversationException("session_not_found", "You have no such conversation to let go of");
        }
        if (settings.current().aiResumesAfterAgent()) {
            transcript.move(session, SessionStatus.ACTIVE, null, actor.id());
            return new Released(session, Optional.empty());
        }
        transcript.move(session, SessionStatus.WAITING_AGENT, null, actor.id());
        session.waitFromNow();
        List<AgentPresence> others = onlineLocked().stream().filter(presence -> !presence.userId().equals(agentId)).toList();
        return new Released(session, assign(session, others, load()));
    }

    /** While the visitor waits for someone to take the conversation up; a session given by hand never waited. */
    private OptionalLong secondsLeft(ChatSession session) {
        boolean waiting = session.status() == SessionStatus.WAITING_AGENT || session.status() == SessionStatus.ASSIGNED && !session.accepted();
        if (!waiting || session.waitingSince() == null) {
            return OptionalLong.empty();
        }
        long waited = Duration.between(session.waitingSince(), UtcClock.now()).toSeconds();
        return OptionalLong.of(Math.max(0, requestTimeoutSeconds - waited));
    }

    public AgentPresence presence(String userId) {
        AgentPresence presence = em.find(AgentPresence.class, userId);
        return presence != null ? presence : new AgentPresence(userId, defaultCapacity);
    }

    /** Whether at least one agent is online now: the widget shows it before the visitor asks for a person. */
    public boolean anyoneOnline() {
        return !em.createNamedQuery(AgentPresence.ONLINE, AgentPresence.class).setMaxResults(1).getResultList().isEmpty();
    }

    public List<AgentPresence> everyone() {
        return em.createNamedQuery(AgentPresence.ALL, AgentPresence.class).getResultList();
    }

    /** Sets the agent's status (and capacity); coming online drains the queue. Returns the sessions assigned now. */
    public List<ChatSession> setStatus(User agent, AgentStatus status, Integer capacity) {
        if (capacity != null && (capacity < 1 || capacity > MAX_CAPACITY)) {
            throw new Refusal(Refusal.Kind.INVALID, "capacity must be between 1 and " + MAX_CAPACITY);
        }
        AgentPresence presence = em.find(AgentPresence.class, agent.id(), LockModeType.PESSIMISTIC_WRITE);
        if (presence == null) {
            presence = new AgentPresence(agent.id(), defaultCapacity);
            em.persist(presence);
        }
        presence.change(status, capacity);
        em.flush();
        return status == AgentStatus.ONLINE ? drain() : List.of();
    }

    /** Gives the session to an agent if it waits for one and someone has room. */
    public Optional<ChatSession> assignIfWaiting(String sessionId) {
        ChatSession session = transcript.locked(sessionId);
        if (session.status() != SessionStatus.WAITING_AGENT || session.assignedAgentId() != null) {
            return Optional.empty();
        }
        return assign(session, onlineLocked(), load());
    }

    /** Assigns waiting sessions, oldest first, while online agents have room. */
    public List<ChatSession> drain() {
        List<AgentPresence> online = onlineLocked();
        if (online.isEmpty()) {
            return List.of();
        }
        Map<String, Long> load = load();
        List<ChatSession> assigned = new ArrayList<>();
        for (String sessionId : em.createNamedQuery(ChatSession.WAITING, String.class).getResultList()) {
            Optional<ChatSession> given = assign(transcript.locked(sessionId), online, load);
            if (given.isEmpty()) {
                break;
            }
            assigned.add(given.get());
        }
        return assigned;
    }

    private Optional<ChatSession> assign(ChatSession session, List<AgentPresence> online, Map<String, Long> load) {
        if (session.status() != SessionStatus.WAITING_AGENT) {
            return Optional.empty();
        }
        Optional<AgentPresence> agent = AgentPicker.pick(online, load, AgentPicker.Strategy.of(strategy));
        agent.ifPresent(chosen -> {
            transcript.move(session, SessionStatus.ASSIGNED, chosen.userId(), null);
            chosen.assigned();
            load.merge(chosen.userId(), 1L, Long::sum);
        });
        return agent.map(chosen -> session);
    }

    /** Why nobody can take the conversation now. */
    public enum Unavailable {
        OUTSIDE_BUSINESS_HOURS, NO_AGENT_ONLINE;

        public String wireName() {
            return WireNames.of(this);
        }
    }

    /**
     * What came of a request: the stored notice for the visitor (none if nothing changed), why nobody can come now (if
     * so: the offline form is offered), the assignment made at once (if any), and the seconds left of the visitor's
     * countdown while they wait.
     */
    public record Request(ChatSession session, Optional<Appended> notice, Optional<Unavailable> unavailable,
                          Optional<ChatSession> assigned, OptionalLong secondsLeft) {

        /** The session joined the queue now. */
        public boolean queued() {
            return notice.isPresent() && session.status() != SessionStatus.ACTIVE;
        }
    }

    /** An assignment that lapsed: the session, the agent who let it lapse, and the agent who has it now (if any). */
    public record Lapse(ChatSession session, String formerAgentId, Optional<ChatSession> reassigned) {
    }

    /** A conversation an agent let go of, and the agent who has it now (if any). */
    public record Released(ChatSession session, Optional<ChatSession> reassigned) {
    }

    private List<AgentPresence> onlineLocked() {
        return em.createNamedQuery(AgentPresence.ONLINE, AgentPresence.class).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    private Map<String, Long> load() {
        Map<String, Long> load = new HashMap<>();
        for (Object[] row : em.createNamedQuery(ChatSession.LOAD, Object[].class).getResultList()) {
            load.put((String) row[0], (Long) row[1]);
        }
        return load;
    }
}
