package io.parley.routing.boundary;

import io.parley.conversations.control.Transcript;
import io.parley.conversations.entity.ChatSession;
import io.parley.conversations.entity.SessionStatus;
import io.parley.identity.entity.User;
import io.parley.platform.entity.Refusal;
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

    public AgentPresence presence(String userId) {
        AgentPresence presence = em.find(AgentPresence.class, userId);
        return presence != null ? presence : new AgentPresence(userId, defaultCapacity);
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
