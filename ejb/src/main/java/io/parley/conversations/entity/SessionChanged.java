package io.parley.conversations.entity;

/**
 * A session changed in a way the inbox shows: it started, joined the queue, was assigned, taken, transferred, released
 * or rated. {@code formerAgentId} is the agent who owned it before this change, when the change took it from them
 * (their capacity is free again, and they may no longer see it); null otherwise.
 */
public record SessionChanged(ChatSession session, String formerAgentId) {

    public static SessionChanged of(ChatSession session) {
        return new SessionChanged(session, null);
    }

    /** The session left {@code formerAgentId}'s hands with this change (null or the same owner: it did not). */
    public boolean tookFromAgent() {
        return formerAgentId != null && !formerAgentId.equals(session.assignedAgentId());
    }
}
