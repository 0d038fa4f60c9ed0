package io.parley.routing.boundary;

import io.parley.conversations.control.Transcript;
import io.parley.conversations.control.Transcript.Appended;
import io.parley.conversations.entity.Assigned;
import io.parley.conversations.entity.ChatMessage;
import io.parley.conversations.entity.ChatSession;
import io.parley.platform.entity.Refusal;
import io.parley.conversations.entity.NoticeStored;
import io.parley.conversations.entity.Sender;
import io.parley.conversations.entity.SessionChanged;
import io.parley.conversations.entity.SessionEnded;
import io.parley.identity.entity.AccountDeactivated;
import io.parley.identity.entity.User;
import io.parley.platform.entity.UtcClock;
import io.parley.platform.entity.WireNames;
import io.parley.routing.control.AgentPicker;
import io.parley.routing.entity.AgentPresence;
import io.parley.routing.entity.AgentRequested;
import io.parley.routing.entity.AgentStatus;
import io.parley.routing.entity.AssignmentLapsed;
import io.parley.routing.entity.PresenceChanged;
import io.parley.settings.boundary.Settings;
import io.parley.settings.entity.RoutingRules;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Agents' availability and the automatic assignment of waiting conversations. A session that asks for a person goes
 * to an online agent with room, chosen by the routing strategy (the desk's settings); if there is none it waits, and the queue is drained
 * oldest first whenever room appears: an agent comes online or gains capacity, or a conversation leaves an agent's
 * hands (ended, resolved, expired, released, transferred, lapsed) — each announced by an event this bean observes once
 * it is committed. The online agents' rows are locked while choosing, so two nodes never give the same last free place
 * away twice.
 * <p>
 * Lock order, everywhere: chat sessions first (by id), then agents' presence rows (by user id), each set in one
 * statement with {@code ORDER BY}, so that two transactions never wait for each other in a circle (docs/decisions.md).
 */
@Stateless
public class Routing {

    static final int AT_MOST_PER_RUN = 100;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Transcript transcript;

    @Inject
    @ConfigProperty(name = "parley.chat.waiting-message")
    String waitingMessage;

    @Inject
    @ConfigProperty(name = "parley.chat.no-agent-message")
    String noAgentMessage;

    @EJB
    Settings settings;

    @Inject
    Event<NoticeStored> notices;

    @Inject
    Event<AgentRequested> requested;

    @Inject
    Event<SessionChanged> changed;

    @Inject
    Event<Assigned> assigned;

    @Inject
    Event<AssignmentLapsed> lapsed;

    @Inject
    Event<PresenceChanged> presenceChanged;

    /**
     * The visitor asks for a person (or the assistant finds they should have one: {@code reason} says why, and is kept
     * with the move). Outside business hours they are told so and offered the offline form, and the
     * assistant goes on answering. Otherwise the session joins the queue (the assistant stops), the visitor's countdown
     * starts, and an agent with room gets it at once if there is one; with nobody online it waits in the unassigned
     * inbox and the visitor is offered the offline form at once rather than only when the countdown ends.
     * Asking again while waiting or talking to someone changes nothing.
     * @throws Refusal ({@code write_first}) when the session would join the queue but the visitor has not written
     *         anything yet and the desk's settings do not allow that: no place at the desk goes to a conversation with
     *         nothing in it
     */
    public Request request(String sessionId, String reason) {
        ChatSession session = transcript.locked(sessionId);
        if (!session.isWithAssistant()) {
            return new Request(session, false, Optional.empty(), secondsLeft(session));
        }
        if (!settings.isOpenNow()) {
            notify(session, settings.closedMessage(), NoticeStored.Notice.offering(List.of("offline_form"), Unavailable.OUTSIDE_BUSINESS_HOURS.wireName()));
            return new Request(session, true, Optional.of(Unavailable.OUTSIDE_BUSINESS_HOURS), OptionalLong.empty());
        }
        if (!settings.requestsBeforeMessage() && em.createNamedQuery(ChatMessage.FROM_VISITOR, String.class)
                .setParameter("sessionId", sessionId).setMaxResults(1).getResultList().isEmpty()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "write_first", "Tell us in a message what you need first; then ask for a person");
        }
        transcript.record(session.queueForAgent(reason));
        List<AgentPresence> online = onlineLocked();
        Optional<Unavailable> unavailable = online.isEmpty() ? Optional.of(Unavailable.NO_AGENT_ONLINE) : Optional.empty();
        OptionalLong secondsLeft = secondsLeft(session);
        notify(session, online.isEmpty() ? noAgentMessage : waitingMessage, new NoticeStored.Notice(
                unavailable.isPresent() ? List.of("offline_form") : List.of(), unavailable.map(Unavailable::wireName).orElse(null),
                secondsLeft.isPresent() ? secondsLeft.getAsLong() : null, null, null));
        requested.fire(new AgentRequested(session, reason));
        assign(session, online, load());
        return new Request(session, true, unavailable, secondsLeft);
    }

    /** Assignments made longer ago than the acceptance time and not taken up: {@link #lapse} each, in its own transaction. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> unaccepted() {
        return em.createNamedQuery(ChatSession.UNACCEPTED, String.class).setParameter("cutoff", acceptCutoff())
                .setMaxResults(AT_MOST_PER_RUN).getResultList();
    }

    /**
     * An assignment nobody took up in time: the conversation goes to the next agent with room (never back to this one),
     * or back to the queue, with the visitor's countdown running on. The agent is set away — they are evidently not at
     * their desk — unless the offer was one of a run of several made to them within the acceptance time of each other
     * ({@link AgentPresence#awayIfLapsed}): a flood of requests must not empty the desk (docs/decisions.md).
     */
    public void lapse(String sessionId) {
        ChatSession session = transcript.locked(sessionId);
        if (!session.unacceptedSince(acceptCutoff())) {
            return; // taken up or moved on since the query
        }
        String agentId = session.assignedAgentId();
        LocalDateTime offeredAt = session.assignedAt();
        transcript.record(session.lapse());
        List<AgentPresence> locked = em.createNamedQuery(AgentPresence.ONLINE_OR, AgentPresence.class).setParameter("userId", agentId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Optional<AgentPresence> agent = locked.stream().filter(presence -> presence.userId().equals(agentId)).findFirst();
        agent.filter(presence -> presence.awayIfLapsed(offeredAt)).ifPresent(presence -> presence.change(AgentStatus.AWAY, null));
        lapsed.fire(new AssignmentLapsed(sessionId, agentId, agent.map(AgentPresence::status).orElse(AgentStatus.OFFLINE)));
        changed.fire(new SessionChanged(session, agentId));
        assign(session, locked.stream().filter(presence -> presence.status() == AgentStatus.ONLINE).toList(), load());
    }

    /** Visitors who waited the whole countdown: {@link #stopWaiting} each, in its own transaction. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> waitedTooLong() {
        return em.createNamedQuery(ChatSession.WAITED_TOO_LONG, String.class).setParameter("cutoff", requestCutoff())
                .setMaxResults(AT_MOST_PER_RUN).getResultList();
    }

    /** The visitor waited the whole countdown: the assistant takes the conversation back and the offline form is offered. */
    public void stopWaiting(String sessionId) {
        ChatSession session = transcript.locked(sessionId);
        if (session.isWaiting() && session.waitingSince().isBefore(requestCutoff())) {
            transcript.record(session.stopWaiting());
            notify(session, noAgentMessage, NoticeStored.Notice.offering(List.of("offline_form"), "no_agent_answered"));
            changed.fire(SessionChanged.of(session));
        }
    }

    /**
     * The agent (or an admin) lets go of a conversation without closing it: the assistant takes it back if the desk's
     * settings say so, otherwise it goes to another agent with room, or to the queue with a fresh countdown.
     */
    public ChatSession release(User actor, String sessionId) {
        ChatSession session = transcript.locked(sessionId);
        String agentId = session.assignedAgentId();
        if (!session.hasAgent() || !actor.isAdmin() && !actor.id().equals(agentId)) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "session_not_found", "You have no such conversation to let go of");
        }
        if (settings.current().aiResumesAfterAgent()) {
            transcript.record(session.releaseToAssistant(actor.id()));
            changed.fire(new SessionChanged(session, agentId));
            return session;
        }
        transcript.record(session.releaseToQueue(actor.id()));
        changed.fire(new SessionChanged(session, agentId));
        assign(session, onlineLocked().stream().filter(presence -> !presence.userId().equals(agentId)).toList(), load());
        return session;
    }

    /**
     * A person was deactivated: they are offline from now on, and each open conversation they had goes back to the
     * queue — with a fresh countdown, since its visitor asked for a person — and at once to another agent with room if
     * there is one. (Their sockets are closed by push, from {@code AccessRevoked}.)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void leftTheDesk(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountDeactivated deactivated) {
        String agentId = deactivated.userId();
        List<String> ids = em.createNamedQuery(ChatSession.ASSIGNED_TO, String.class).setParameter("agentId", agentId).getResultList();
        List<ChatSession> theirs = transcript.lockedAll(ids).stream()
                .filter(session -> session.hasAgent() && agentId.equals(session.assignedAgentId())).toList();
        List<AgentPresence> locked = em.createNamedQuery(AgentPresence.ONLINE_OR, AgentPresence.class).setParameter("userId", agentId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        locked.stream().filter(presence -> presence.userId().equals(agentId) && presence.status() != AgentStatus.OFFLINE).findFirst()
                .ifPresent(presence -> {
                    presence.change(AgentStatus.OFFLINE, null);
                    presenceChanged.fire(new PresenceChanged(presence));
                });
        List<AgentPresence> others = locked.stream()
                .filter(presence -> presence.status() == AgentStatus.ONLINE && !presence.userId().equals(agentId)).toList();
        Map<String, Long> load = load();
        for (ChatSession session : theirs) {
            transcript.record(session.releaseToQueue(deactivated.actorId()));
            changed.fire(new SessionChanged(session, agentId));
            assign(session, others, load);
        }
    }

    /** How long a visitor waits for a person before the assistant takes the conversation back. */
    public int countdownSeconds() {
        return settings.routing().countdownSeconds();
    }

    /** While the visitor waits for someone to take the conversation up; a session given by hand never waited. */
    private OptionalLong secondsLeft(ChatSession session) {
        if (!session.awaitsAgent() || session.waitingSince() == null) {
            return OptionalLong.empty();
        }
        long waited = Duration.between(session.waitingSince(), UtcClock.now()).toSeconds();
        return OptionalLong.of(Math.max(0, countdownSeconds() - waited));
    }

    public AgentPresence presence(String userId) {
        AgentPresence presence = em.find(AgentPresence.class, userId);
        return presence != null ? presence : new AgentPresence(userId, settings.routing().defaultCapacity());
    }

    /** Whether at least one agent is online now: the widget shows it before the visitor asks for a person. */
    public boolean anyoneOnline() {
        return !em.createNamedQuery(AgentPresence.ONLINE, AgentPresence.class).setMaxResults(1).getResultList().isEmpty();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AgentOnDesk> everyone() {
        Map<String, Long> load = load();
        return em.createNamedQuery(AgentPresence.ALL_ACTIVE, Object[].class).getResultList().stream()
                .map(row -> new AgentOnDesk((AgentPresence) row[0], (String) row[1], load.getOrDefault(((AgentPresence) row[0]).userId(), 0L)))
                .toList();
    }

    /** An agent's presence with their name and how many open conversations they have now (their load). */
    public record AgentOnDesk(AgentPresence presence, String name, long load) {
    }

    /** Sets the agent's status (and capacity); an agent online with room takes waiting conversations once this commits. */
    public AgentPresence setStatus(User agent, AgentStatus status, Integer capacity) {
        if (capacity != null && (capacity < 1 || capacity > RoutingRules.MAX_CAPACITY)) {
            throw new Refusal(Refusal.Kind.INVALID, "capacity must be between 1 and " + RoutingRules.MAX_CAPACITY);
        }
        AgentPresence presence = em.find(AgentPresence.class, agent.id(), LockModeType.PESSIMISTIC_WRITE);
        if (presence == null) {
            presence = new AgentPresence(agent.id(), settings.routing().defaultCapacity());
            em.persist(presence);
        }
        presence.change(status, capacity);
        presenceChanged.fire(new PresenceChanged(presence));
        return presence;
    }

    /** An agent came online or gained capacity: the queue drains into the room. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void roomMadeBy(@Observes(during = TransactionPhase.AFTER_SUCCESS) PresenceChanged change) {
        if (change.presence().status() == AgentStatus.ONLINE) {
            drain(null, null);
        }
    }

    /** A conversation left its agent's hands (resolved, ended, expired): their place goes to the queue. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void roomMadeBy(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded ending) {
        if (ending.session().assignedAgentId() != null) {
            drain(null, null);
        }
    }

    /**
     * A conversation was taken from its agent (released, transferred, lapsed): their place goes to the queue — but not
     * that conversation back to them.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void roomMadeBy(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionChanged change) {
        if (change.tookFromAgent()) {
            drain(change.session().id(), change.formerAgentId());
        }
    }

    /**
     * Assigns waiting sessions, oldest first, while online agents have room; {@code notBackTo} is never given
     * {@code sessionId} (null: no such exception). Nothing is locked unless someone waits and someone has room; then the
     * waiting sessions, then the online agents (the lock order).
     */
    private void drain(String sessionId, String notBackTo) {
        List<String> waiting = em.createNamedQuery(ChatSession.WAITING, String.class).setMaxResults(AT_MOST_PER_RUN).getResultList();
        if (waiting.isEmpty() || !anyoneHasRoom(em.createNamedQuery(AgentPresence.ONLINE, AgentPresence.class).getResultList(), load())) {
            return;
        }
        Map<String, ChatSession> sessions = new HashMap<>();
        transcript.lockedAll(waiting).forEach(session -> sessions.put(session.id(), session));
        List<AgentPresence> online = onlineLocked();
        Map<String, Long> load = load();
        List<ChatSession> queue = waiting.stream().map(sessions::get).filter(session -> session != null && session.isWaiting())
                .sorted(Comparator.comparing(ChatSession::waitingSince)).toList();
        for (ChatSession session : queue) {
            boolean excepted = session.id().equals(sessionId);
            List<AgentPresence> candidates = excepted ? online.stream().filter(agent -> !agent.userId().equals(notBackTo)).toList() : online;
            if (!assign(session, candidates, load) && !anyoneHasRoom(online, load)) {
                return;
            }
        }
    }

    private static boolean anyoneHasRoom(List<AgentPresence> online, Map<String, Long> load) {
        return online.stream().anyMatch(agent -> load.getOrDefault(agent.userId(), 0L) < agent.capacity());
    }

    /**
     * Gives a waiting session to the agent the strategy picks among {@code online} (never straight back to the one who let
     * it lapse); whether it was given.
     */
    private boolean assign(ChatSession session, List<AgentPresence> online, Map<String, Long> load) {
        if (!session.isWaiting()) {
            return false;
        }
        List<AgentPresence> offerable = online.stream().filter(candidate -> session.mayBeOfferedTo(candidate.userId())).toList();
        RoutingRules rules = settings.routing();
        Optional<AgentPresence> agent = AgentPicker.pick(offerable, load, AgentPicker.Strategy.of(rules.strategy()));
        agent.ifPresent(chosen -> {
            transcript.record(session.routeTo(chosen.userId()));
            chosen.assigned(session.assignedAt(), Duration.ofSeconds(rules.acceptanceSeconds()));
            load.merge(chosen.userId(), 1L, Long::sum);
            changed.fire(SessionChanged.of(session));
            assigned.fire(new Assigned(session));
        });
        return agent.isPresent();
    }

    private void notify(ChatSession session, String text, NoticeStored.Notice notice) {
        Appended stored = transcript.append(session.id(), Sender.SYSTEM, text, null);
        notices.fire(new NoticeStored(stored.message(), session, notice));
    }

    private LocalDateTime acceptCutoff() {
        return UtcClock.now().minusSeconds(settings.routing().acceptanceSeconds());
    }

    private LocalDateTime requestCutoff() {
        return UtcClock.now().minusSeconds(countdownSeconds());
    }

    /** Why nobody can take the conversation now. */
    public enum Unavailable {
        OUTSIDE_BUSINESS_HOURS, NO_AGENT_ONLINE;

        public String wireName() {
            return WireNames.of(this);
        }
    }

    /**
     * What came of a request: the session as it is now, whether the visitor was told anything (nothing when they asked
     * again), why nobody can come now (if so: the offline form is offered), and the seconds left of the visitor's
     * countdown while they wait.
     */
    public record Request(ChatSession session, boolean answered, Optional<Unavailable> unavailable, OptionalLong secondsLeft) {
    }

    /** The online agents' rows, locked, in user id order (after any session: the lock order). */
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
