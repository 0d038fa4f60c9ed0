package io.parley.identity.boundary;

import io.parley.identity.control.JsonWebTokens;
import io.parley.identity.control.RsaKeys;
import io.parley.identity.entity.Actor;
import io.parley.identity.entity.SigningKey;
import io.parley.platform.entity.Refusal;
import io.parley.platform.entity.UtcClock;
import io.parley.secrets.boundary.Secrets;
import io.parley.secrets.entity.SecretsException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA key pairs that sign console tokens, shared by every node through the database: the first created by the first
 * node that starts (private keys sealed by {@link Secrets}), read by all others. An admin rotates them: the new key is
 * published at once and signs from {@link #SIGNS_AFTER} later, when every node verifies with it (MicroProfile JWT
 * re-reads the keys every {@link #REREAD}, payara-mp-jwt.properties, and so does this bean); the keys it replaces
 * verify until the longest token they could have signed has expired, then they are dropped. When a private key cannot
 * be opened (another master key), sign-in is unavailable and says why; nothing else stops.
 */
@Startup
@Singleton
@DependsOn({"SchemaMigration", "Secrets"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SigningKeys {

    public static final String ISSUER = "parley";
    static final String FIRST_KEY_ID = "k1";
    /** How old the keys a node verifies with may be: publicKey.cache.ttl in payara-mp-jwt.properties says the same. */
    static final Duration REREAD = Duration.ofSeconds(10);
    static final Duration SIGNS_AFTER = REREAD.plusSeconds(5);
    /** How far the clocks of two nodes may be apart. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    // for the health check and sign-in: what to do, without naming any key (the log names them)
    static final String CANNOT_OPEN = "Console sign-in is unavailable: the token signing key cannot be opened with the"
            + " configured master key. Set MASTER_KEY_BASE64 to the key this database was set up with (the server log says more)";
    private static final Logger LOG = System.getLogger(SigningKeys.class.getName());

    @EJB
    SigningKeyStore store;

    @EJB
    Secrets secrets;

    @Inject
    @ConfigProperty(name = "parley.auth.token-minutes")
    int tokenMinutes;

    private final Map<String, PrivateKey> opened = new ConcurrentHashMap<>();
    private volatile Known known = new Known(List.of(), Map.of(), Instant.MIN);
    private volatile String problem;

    @PostConstruct
    void load() {
        if (store.all().isEmpty()) {
            createFirstKey();
        }
        read();
        SigningKey signer = signer();
        try {
            privateKey(signer);
            LOG.log(Level.INFO, "Console tokens are signed with key {0}", signer.id());
        } catch (Refusal unavailable) {
            // logged by privateKey
        }
    }

    /** Signs with the key that signs now, as the database says at this moment (a rotation on another node included). */
    public String sign(JsonObject claims) {
        read();
        SigningKey signer = signer();
        return JsonWebTokens.sign(privateKey(signer), signer.id(), claims);
    }

    /**
     * The claims of a token that is one of ours, unaltered and unexpired, signed by a key that still verifies.
     * @throws Refusal ({@code unauthorized}, saying why) for any other
     */
    public JsonObject verify(String token) {
        return verify(token, ISSUER);
    }

    /**
     * As {@link #verify(String)}, for a token Parley signed for one other use under its own {@code issuer} (a
     * download link's): a sign-in never verifies as one, nor one as a sign-in.
     */
    public JsonObject verify(String token, String issuer) {
        if (known.readAt().isBefore(Instant.now().minus(REREAD))) {
            try {
                read();
            } catch (EJBException databaseAway) {
                // the keys read last still verify; the account check that follows says whether the database answers
                LOG.log(Level.DEBUG, "Signing keys not readable now: {0}", databaseAway.toString());
            }
        }
        LocalDateTime now = UtcClock.now();
        Map<String, PublicKey> verifying = known.keys().stream().filter(key -> key.verifiesAt(now))
                .collect(Collectors.toMap(SigningKey::id, key -> known.publicKeys().get(key.id())));
        try {
            return JsonWebTokens.verify(token, verifying, issuer, Instant.now());
        } catch (JsonWebTokens.TokenRejected rejected) {
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, "unauthorized", rejected.getMessage());
        }
    }

    /**
     * A new key signs from {@link #SIGNS_AFTER} on; the ones before it verify the tokens they signed until those expire.
     * In the audit log.
     */
    public SigningKey rotate(Actor actor) {
        SigningKey next = newKey("k" + UUID.randomUUID().toString().replace("-", "").substring(0, 12), UtcClock.now().plus(SIGNS_AFTER));
        store.rotate(actor, next, Duration.ofMinutes(tokenMinutes), CLOCK_SKEW);
        read();
        LOG.log(Level.INFO, "{0} rotated the token signing key: {1} signs from {2} UTC", actor.email(), next.id(), next.signsFrom());
        return next;
    }

    /** Why tokens cannot be signed, if they cannot. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private void read() {
        List<SigningKey> keys = store.all();
        known = new Known(keys, keys.stream().collect(Collectors.toMap(SigningKey::id, key -> RsaKeys.publicKey(key.publicKey()))),
                Instant.now());
    }

    private SigningKey signer() {
        LocalDateTime now = UtcClock.now();
        return known.keys().stream().filter(key -> key.signsAt(now)).findFirst()
                .orElseThrow(() -> new IllegalStateException("There is always a key that signs: the first signs from its creation"));
    }

    private PrivateKey privateKey(SigningKey key) {
        try {
            return opened.computeIfAbsent(key.id(), id -> RsaKeys.privateKey(secrets.open(key.privateKeySealed())));
        } catch (SecretsException e) {
            if (problem == null) {
                problem = CANNOT_OPEN;
                LOG.log(Level.ERROR, "Console sign-in is unavailable: the token signing key {0} cannot be opened. {1}", key.id(), e.getMessage());
            }
            throw new Refusal(Refusal.Kind.UNAVAILABLE, CANNOT_OPEN);
        }
    }

    private void createFirstKey() {
        try {
            store.add(newKey(FIRST_KEY_ID, UtcClock.now()));
            LOG.log(Level.INFO, "Created the token signing key {0}", FIRST_KEY_ID);
        } catch (EJBException anotherNodeWasFirst) {
            LOG.log(Level.INFO, "Another node created the token signing key first");
        }
    }

    private SigningKey newKey(String id, LocalDateTime signsFrom) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String sealed = secrets.seal(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            return new SigningKey(id, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), sealed, signsFrom);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }

    /** The keys as read last: newest first, their public halves, and when. */
    private record Known(List<SigningKey> keys, Map<String, PublicKey> publicKeys, Instant readAt) {
    }
}
