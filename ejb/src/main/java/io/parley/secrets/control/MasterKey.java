package io.parley.secrets.control;

import io.parley.secrets.entity.SecretsException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that wraps every data key. Its id, a fingerprint that reveals nothing about the key, is stored with
 * each sealed record: a record tells which master key it needs, so a wrong key is recognised as such and the
 * master key can be rotated later (re-wrap the data keys; the data stays as it is).
 */
public final class MasterKey {

    static final int LENGTH_BYTES = 32;
    static final String HOW_TO_CREATE = "create one with `openssl rand -base64 32` and set it as MASTER_KEY_BASE64";

    private final SecretKey key;
    private final String id;

    private MasterKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = fingerprint(bytes);
    }

    public static MasterKey fromBase64(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new SecretsException("MASTER_KEY_BASE64 is not base64: " + HOW_TO_CREATE);
        }
        if (bytes.length != LENGTH_BYTES) {
            throw new SecretsException("MASTER_KEY_BASE64 must hold " + LENGTH_BYTES + " bytes, it holds "
                    + bytes.length + ": " + HOW_TO_CREATE);
        }
        try {
            return new MasterKey(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    public String id() {
        return id;
    }

    SecretKey key() {
        return key;
    }

    private static String fingerprint(byte[] bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("parley master key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest.digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
