package io.parley.identity.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Compact RS256 JSON Web Tokens with the JDK's {@link Signature} and JSON-P: signing for every token, and verifying
 * for the WebSocket, where MicroProfile JWT (which verifies them on HTTP requests) does not reach. Verification
 * accepts RS256 only — never {@code none} or a symmetric algorithm chosen by the token — with a known key id,
 * the expected issuer and an expiry in the future.
 */
public final class JsonWebTokens {

    public static final String ALGORITHM = "RS256";
    private static final String JCA_ALGORITHM = "SHA256withRSA";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private JsonWebTokens() {
    }

    public static String sign(PrivateKey key, String keyId, JsonObject claims) {
        JsonObject header = Json.createObjectBuilder().add("alg", ALGORITHM).add("typ", "JWT").add("kid", keyId).build();
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance(JCA_ALGORITHM);
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + ENCODER.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA signatures are part of every Java runtime", e);
        }
    }

    /** The verified claims. @throws TokenRejected saying why, in words fit for a close reason */
    public static JsonObject verify(String token, Map<String, PublicKey> keys, String issuer, Instant now) {
        if (token == null || token.isBlank()) {
            throw new TokenRejected("token missing");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new TokenRejected("token malformed");
        }
        JsonObject header = decode(parts[0]);
        if (!ALGORITHM.equals(stringOrNull(header, "alg"))) {
            throw new TokenRejected("token algorithm not accepted");
        }
        PublicKey key = keys.get(stringOrNull(header, "kid"));
        if (key == null || !signatureMatches(key, parts)) {
            throw new TokenRejected("token signature invalid");
        }
        JsonObject claims = decode(parts[1]);
        if (!issuer.equals(stringOrNull(claims, "iss"))) {
            throw new TokenRejected("token issuer not accepted");
        }
        JsonValue exp = claims.get("exp");
        if (!(exp instanceof JsonNumber expiry) || !now.isBefore(Instant.ofEpochSecond(expiry.longValue()))) {
            throw new TokenRejected("token expired");
        }
        return claims;
    }

    public static List<String> groups(JsonObject claims) {
        return claims.getJsonArray("groups") == null ? List.of()
                : claims.getJsonArray("groups").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static boolean signatureMatches(PublicKey key, String[] parts) {
        try {
            Signature signature = Signature.getInstance(JCA_ALGORITHM);
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(DECODER.decode(parts[2]));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    private static String encode(JsonObject object) {
        return ENCODER.encodeToString(object.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject decode(String part) {
        try (var reader = Json.createReader(new StringReader(new String(DECODER.decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (IllegalArgumentException | JsonException e) {
            throw new TokenRejected("token malformed");
        }
    }

    private static String stringOrNull(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? value.getString() : null;
    }

    /** A token that is not (or no longer) good, with the reason in a few words. */
    public static class TokenRejected extends RuntimeException {
        public TokenRejected(String reason) {
            super(reason);
        }
    }
}
