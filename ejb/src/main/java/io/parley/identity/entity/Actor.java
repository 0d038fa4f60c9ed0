package io.parley.identity.entity;

/**
 * Who is asking, as the boundary knows it: the signed-in person and the client address the request came from
 * (already resolved through trusted proxies). Business methods that change something take one, for the audit log.
 */
public record Actor(String userId, String email, String clientAddress) {
}
