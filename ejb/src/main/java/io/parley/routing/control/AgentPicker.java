package io.parley.routing.control;

import io.parley.routing.entity.AgentPresence;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the agent for the next waiting conversation among online agents with room: {@code least-loaded} takes the
 * one with the fewest open conversations, {@code round-robin} the one who waited longest since their last one. Ties go
 * to whoever was assigned least recently, then by id, so the choice is the same on every node.
 */
public final class AgentPicker {

    public enum Strategy {
        LEAST_LOADED, ROUND_ROBIN;

        /** @throws IllegalArgumentException naming the setting's allowed values */
        public static Strategy of(String setting) {
            return switch (setting.strip().toLowerCase(Locale.ROOT)) {
                case "least-loaded" -> LEAST_LOADED;
                case "round-robin" -> ROUND_ROBIN;
                default -> throw new IllegalArgumentException("parley.routing.strategy must be least-loaded or round-robin, not " + setting);
            };
        }
    }

    private static final Comparator<AgentPresence> LONGEST_WAITING = Comparator
            .comparing(AgentPresence::lastAssignedAt, Comparator.nullsFirst(Comparator.<LocalDateTime>naturalOrder()))
            .thenComparing(AgentPresence::userId);

    private AgentPicker() {
    }

    /** @param load open conversations per agent id (absent = none) */
    public static Optional<AgentPresence> pick(List<AgentPresence> online, Map<String, Long> load, Strategy strategy) {
        Comparator<AgentPresence> order = strategy == Strategy.LEAST_LOADED
                ? Comparator.<AgentPresence>comparingLong(agent -> load.getOrDefault(agent.userId(), 0L)).thenComparing(LONGEST_WAITING)
                : LONGEST_WAITING;
        return online.stream()
                .filter(agent -> load.getOrDefault(agent.userId(), 0L) < agent.capacity())
                .min(order);
    }
}
