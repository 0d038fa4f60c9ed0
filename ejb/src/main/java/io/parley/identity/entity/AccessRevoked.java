package io.parley.identity.entity;

/**
 * What a person's open connections were granted no longer holds: the account was deactivated, its roles or its
 * password changed. {@code reason} says which, in words for the person.
 */
public record AccessRevoked(String userId, String reason) {
}
