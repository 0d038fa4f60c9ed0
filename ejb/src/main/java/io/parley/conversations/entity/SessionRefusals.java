package io.parley.conversations.entity;

import io.parley.platform.entity.Refusal;

/** The refusals every part of a conversation gives alike, in the same words. */
public final class SessionRefusals {

    private SessionRefusals() {
    }

    /** {@code session_closed}: the conversation is over (resolved or closed); nothing more can be written in it. */
    public static Refusal ended() {
        return new Refusal(Refusal.Kind.CONFLICT, "session_closed", "This chat session has ended");
    }

    /** {@code session_not_found}: there is no such conversation. */
    public static Refusal unknown() {
        return new Refusal(Refusal.Kind.NOT_FOUND, "session_not_found", "This chat session does not exist");
    }
}
