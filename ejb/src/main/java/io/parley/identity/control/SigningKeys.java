package io.parley.identity.control;

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
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
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
        keys.forEach(key -> loaded.put(key.id(), publicKey(key.publicKey())));
        publicKeys = Map.copyOf(loaded);
        SigningKey newest = keys.get(0);
        try {
            signingKey = privateKey(secrets.open(newest.privateKeySealed()));
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

    /** @throws JsonWebTokens.TokenRejected when the token is not one of ours, altered or expired */
    public JsonObject verify(String token) {
        return JsonWebTokens.verify(token, publicKeys, ISSUER, Instant.now());
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

    /** The public keys as a JSON Web Key Set. */
    static String jwks(Map<String, PublicKey> keys) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        keys.forEach((id, key) -> {
            RSAPublicKey rsa = (RSAPublicKey) key;
            array.add(Json.createObjectBuilder().add("kty", "RSA").add("kid", id).add("use", "sig")
                    .add("alg", JsonWebTokens.ALGORITHM).add("n", unsigned(rsa.getModulus())).add("e", unsigned(rsa.getPublicExponent())));
        });
        return Json.createObjectBuilder().add("keys", array).build().toString();
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(bytes, start, bytes.length));
    }

    static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored public key is damaged", e);
        }
    }

    private static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored private key is damaged", e);
        }
    }
}
