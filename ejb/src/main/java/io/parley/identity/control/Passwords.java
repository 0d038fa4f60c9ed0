package io.parley.identity.control;

import io.parley.platform.entity.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashing with the server's PBKDF2 (HMAC-SHA512, a random salt per password) and the password policy.
 * A login for an unknown email still verifies against a throw-away hash, so that it takes as long as a wrong password.
 */
@ApplicationScoped
public class Passwords {

    static final int MAX_LENGTH = 256;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    @ConfigProperty(name = "parley.auth.pbkdf2-iterations")
    int iterations;

    @Inject
    @ConfigProperty(name = "parley.auth.password-min-length")
    int minLength;

    private final SecureRandom random = new SecureRandom();

    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = pbkdf2.generate("not anyone's password".toCharArray());
    }

    /**
     * A strong password Parley chooses for someone (24 characters, 144 random bits): the first admin's, an invited
     * person's, a reset one. Whoever receives it must choose their own at their first sign-in.
     */
    public String generate() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    /** Whether {@code password} is the one hashed in {@code hash}; with no hash, spends the same time and says no. */
    public boolean matches(String password, String hash) {
        boolean matches = pbkdf2.verify(password.toCharArray(), hash == null ? decoy : hash);
        return hash != null && matches;
    }

    /** @throws Refusal when the password is below the policy: too short, too long, or the email itself */
    public void requireAcceptable(String password, String email) {
        if (password == null || password.length() < minLength) {
            throw new Refusal(Refusal.Kind.INVALID, "The password must have at least " + minLength + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new Refusal(Refusal.Kind.INVALID, "The password must have at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (email != null && (lower.contains(email.toLowerCase(Locale.ROOT)) || lower.contains(localPart(email)))) {
            throw new Refusal(Refusal.Kind.INVALID, "The password must not contain the email address");
        }
        if (password.chars().distinct().count() < 5) {
            throw new Refusal(Refusal.Kind.INVALID, "The password must use at least 5 different characters");
        }
    }

    private static String localPart(String email) {
        int at = email.indexOf('@');
        String local = (at > 0 ? email.substring(0, at) : email).toLowerCase(Locale.ROOT);
        return local.length() >= 4 ? local : "\u0000";
    }
}
