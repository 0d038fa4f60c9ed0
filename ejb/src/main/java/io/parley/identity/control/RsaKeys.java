package io.parley.identity.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/** RSA keys as Parley stores them (base64 of their standard encodings) and as it publishes them (a JSON Web Key Set). */
public final class RsaKeys {

    private RsaKeys() {
    }

    /** The public keys as a JSON Web Key Set. */
    public static String jwks(Map<String, PublicKey> keys) {
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

    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored public key is damaged", e);
        }
    }

    public static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored private key is damaged", e);
        }
    }
}
