package io.parley.identity.boundary;

import io.parley.identity.control.JsonWebTokens;
import io.parley.identity.control.RsaKeys;
import io.parley.identity.entity.SigningKey;
import io.parley.platform.entity.Refusal;
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
import jakarta.json.JsonObject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RSA key pair that signs console tokens, shared by every node through the database: created by the first node
 * that starts (the private key sealed by {@link Secrets}), read by all others. When the private key cannot be opened
 * (another master key), sign-in is unavailable and says why; nothing else stops.
 */
@Startup
@Singleton
@DependsOn({"SchemaMigration", "Secrets"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SigningKeys {

    public static final String ISSUER = "parley";
    static final String FIRST_KEY_ID = "k1";
    private static final Logger LOG = System.getLogger(SigningKeys.class.getName());

    @EJB
    SigningKeyStore store;

    @EJB
    Secrets secrets;

    private volatile Map<String, PublicKey> publicKeys = Map.of();
    private volatile String signingKeyId;
    private volatile PrivateKey signingKey;
    private volatile String problem;

    @PostConstruct
    void load() {
        List<SigningKey> keys = store.all();
        if (keys.isEmpty()) {
            createFirstKey();
            keys = store.all();
        }
        Map<String, PublicKey> loaded = new LinkedHashMap<>();
        keys.forEach(key -> loaded.put(key.id(), RsaKeys.publicKey(key.publicKey())));
        publicKeys = Map.copyOf(loaded);
        SigningKey newest = keys.get(0);
        try {
            signingKey = RsaKeys.privateKey(secrets.open(newest.privateKeySealed()));
            signingKeyId = newest.id();
            LOG.log(Level.INFO, "Console tokens are signed with key {0}", signingKeyId);
        } catch (SecretsException e) {
            problem = "Console sign-in is unavailable: the token signing key cannot be opened. " + e.getMessage();
            LOG.log(Level.ERROR, problem);
        }
    }

    public String sign(JsonObject claims) {
        if (signingKey == null) {
            throw new Refusal(Refusal.Kind.UNAVAILABLE, problem);
        }
        return JsonWebTokens.sign(signingKey, signingKeyId, claims);
    }

    /**
     * The claims of a token that is one of ours, unaltered and unexpired.
     * @throws Refusal ({@code unauthorized}, saying why) for any other
     */
    public JsonObject verify(String token) {
        try {
            return JsonWebTokens.verify(token, publicKeys, ISSUER, Instant.now());
        } catch (JsonWebTokens.TokenRejected rejected) {
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, "unauthorized", rejected.getMessage());
        }
    }

    /** Why tokens cannot be signed, if they cannot. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private void createFirstKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String sealed = secrets.seal(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            store.add(new SigningKey(FIRST_KEY_ID, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), sealed));
            LOG.log(Level.INFO, "Created the token signing key {0}", FIRST_KEY_ID);
        } catch (EJBException anotherNodeWasFirst) {
            LOG.log(Level.INFO, "Another node created the token signing key first");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }
}
