package io.parley.routing.entity;

/** An agent's status or capacity changed (as it is now). */
public record PresenceChanged(AgentPresence presence) {
}
