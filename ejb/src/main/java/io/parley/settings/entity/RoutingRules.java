package io.parley.settings.entity;

/**
 * How routing hands out conversations: the strategy that picks among online agents with room ({@code least-loaded} or
 * {@code round-robin}), how many conversations an agent takes at once until they choose, how long a visitor who asked
 * for a person waits (the countdown they see), and how long an agent has to take up a conversation given to them.
 * Set by admins; until they do, as configured (parley.routing.*).
 */
public record RoutingRules(String strategy, int defaultCapacity, int countdownSeconds, int acceptanceSeconds) {

    /** The most conversations one agent can take at once. */
    public static final int MAX_CAPACITY = 50;
    public static final int MIN_SECONDS = 1;
    public static final int MAX_SECONDS = 86_400;
}
