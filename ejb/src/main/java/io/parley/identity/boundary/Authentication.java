package io.parley.identity.boundary;

import io.parley.identity.control.Emails;
import io.parley.identity.control.LoginThrottles;
import io.parley.identity.control.Passwords;
import io.parley.identity.boundary.SigningKeys;
import io.parley.identity.entity.Role;
import io.parley.identity.entity.User;
import io.parley.platform.entity.Refusal;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-in with email and password, answered with a signed token (RS256) that carries the roles as {@code groups}.
 * An unknown email, a wrong password and a deactivated account get the same answer after the same work.
 */
@Stateless
public class Authentication {

    static final String WRONG = "The email or the password is wrong";

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottles throttles;

    @EJB
    SigningKeys keys;

    @Inject
    @ConfigProperty(name = "parley.auth.token-minutes")
    int tokenMinutes;

    public SignedIn login(String email, String password, String clientAddress) {
        String normalized = Emails.normalize(email);
        if (password == null || password.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "A password is needed");
        }
        throttles.requireAllowed(normalized, clientAddress);
        Optional<User> user = em.createNamedQuery(User.BY_EMAIL, User.class).setParameter("email", normalized)
                .getResultList().stream().findFirst();
        boolean matches = passwords.matches(password, user.map(User::passwordHash).orElse(null));
        if (!matches || !user.get().active()) {
            throttles.failed(normalized, clientAddress);
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, WRONG);
        }
        throttles.succeeded(normalized, clientAddress);
        return issue(user.get());
    }

    private SignedIn issue(User user) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(Duration.ofMinutes(tokenMinutes));
        JsonArrayBuilder groups = Json.createArrayBuilder();
        user.roles().stream().map(Role::wireName).forEach(groups::add);
        String token = keys.sign(Json.createObjectBuilder()
                .add("iss", SigningKeys.ISSUER)
                .add("jti", UUID.randomUUID().toString())
                .add("sub", user.id())
                .add("upn", user.email())
                .add("name", user.name())
                .add("groups", groups)
                .add(TokenClaims.VERSION, user.tokenVersion())
                .add("iat", now.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .build());
        return new SignedIn(token, expiresAt, user);
    }

    public record SignedIn(String token, Instant expiresAt, User user) {
    }
}
