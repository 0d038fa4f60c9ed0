package io.parley.systemtest.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/** Reading and forging console tokens, the way an attacker would: no key of Parley's is known here. */
public final class Tokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Tokens() {
    }

    public static JsonNode header(String token) {
        return part(token, 0);
    }

    public static JsonNode claims(String token) {
        return part(token, 1);
    }

    /** The same claims, unsigned: {@code alg: none}. */
    public static String unsigned(String token) {
        return encode(ChatClient.JSON.createObjectNode().put("alg", "none").put("typ", "JWT")) + "."
                + token.split("\\.")[1] + ".";
    }

    /** The same header and claims, signed with a key Parley never saw. */
    public static String signedWithAnotherKey(String token) {
        String[] parts = token.split("\\.");
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(generator.generateKeyPair().getPrivate());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return parts[0] + "." + parts[1] + "." + ENCODER.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The original signature over claims that say the holder is an admin. */
    public static String withAlteredClaims(String token) {
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) claims(token);
        claims.putArray("groups").add("admin").add("agent");
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    private static JsonNode part(String token, int index) {
        try {
            return ChatClient.JSON.readTree(DECODER.decode(token.split("\\.")[index]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(JsonNode json) {
        return ENCODER.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
