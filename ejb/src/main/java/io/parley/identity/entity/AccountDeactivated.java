package io.parley.identity.entity;

/**
 * An admin ({@code actorId}) deactivated a person: they may no longer sign in, and nothing should wait on them any more
 * (routing gives their open conversations to someone else).
 */
public record AccountDeactivated(String userId, String actorId) {
}
