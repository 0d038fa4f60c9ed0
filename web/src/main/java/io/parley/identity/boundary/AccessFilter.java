package io.parley.identity.boundary;

import io.parley.identity.boundary.Accounts;
import io.parley.identity.boundary.TokenClaims;
import io.parley.identity.entity.Role;
import io.parley.identity.entity.User;
import io.parley.platform.entity.Refusal;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who may call which REST method, from its {@link AccessRule}: nobody without a rule, anyone for {@code @PermitAll},
 * and for {@code @RolesAllowed} a valid token (401 otherwise) of a person who is still active and whose token has not
 * been revoked since (401), holding one of the roles (403). MicroProfile JWT has verified the signature, issuer and
 * expiry before this runs; the roles are taken from the account as it is now. It runs before the container checks
 * {@code @RolesAllowed} itself, so that every refusal is answered the same way.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        AccessRule rule = AccessRule.of(resource.getResourceClass(), resource.getResourceMethod());
        if (rule.isPublic()) {
            return;
        }
        if (rule.roles().isEmpty()) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "Nobody may call this");
        }
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, "Sign in first: this needs a bearer token");
        }
        Optional<User> user = accounts.holderOf(token.getSubject(), version(token));
        if (user.isEmpty()) {
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, "This sign-in is no longer valid: sign in again");
        }
        if (user.get().roles().stream().map(Role::wireName).noneMatch(rule.roles()::contains)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "This needs the role " + String.join(" or ", rule.roles()));
        }
        if (user.get().mustChangePassword() && !resource.getResourceMethod().isAnnotationPresent(BeforeOwnPassword.class)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "password_change_required", "Choose your own password first (POST /api/me/password)");
        }
        caller.signedIn(user.get());
    }

    private static int version(JsonWebToken token) {
        Object claim = token.getClaim(TokenClaims.VERSION);
        return claim instanceof Number number ? number.intValue()
                : claim instanceof jakarta.json.JsonNumber json ? json.intValue() : -1;
    }
}
