package io.parley.secrets.control;

import io.parley.secrets.entity.SecretsException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption with the JDK's AES-GCM: each record gets a fresh 256-bit data key; the data key is
 * encrypted (wrapped) with the master key. A sealed record is one printable string:
 * {@code v1:<master key id>:<wrapped data key>:<ciphertext>}, the last two base64url, each with its own
 * 96-bit nonce in front. The master key id is authenticated with the wrapped key, so a record cannot be
 * moved under another key id unnoticed.
 */
public final class Envelope {

    private static final String VERSION = "v1";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final MasterKey masterKey;

    public Envelope(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    public String seal(String plaintext) {
        return seal(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public String seal(byte[] plaintext) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey dataKey = generator.generateKey();
            byte[] wrapped = encrypt(masterKey.key(), dataKey.getEncoded(), keyIdBytes(masterKey.id()));
            byte[] ciphertext = encrypt(dataKey, plaintext, null);
            return String.join(":", VERSION, masterKey.id(), ENCODER.encodeToString(wrapped), ENCODER.encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    public String openText(String sealed) {
        return new String(open(sealed), StandardCharsets.UTF_8);
    }

    public byte[] open(String sealed) {
        String[] parts = sealed == null ? new String[0] : sealed.split(":", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw new SecretsException("This is not data sealed by Parley (expected v1:<key id>:<key>:<data>)");
        }
        String keyId = parts[1];
        if (!keyId.equals(masterKey.id())) {
            throw new SecretsException("The data was sealed with master key " + keyId + ", but the configured master key is "
                    + masterKey.id() + ": set MASTER_KEY_BASE64 to the key this database was set up with");
        }
        try {
            byte[] dataKey = decrypt(masterKey.key(), DECODER.decode(parts[2]), keyIdBytes(keyId));
            return decrypt(new SecretKeySpec(dataKey, "AES"), DECODER.decode(parts[3]), null);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new SecretsException("Sealed data under master key " + keyId + " was altered or damaged and cannot be opened");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private static byte[] encrypt(SecretKey key, byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        if (associatedData != null) {
            cipher.updateAAD(associatedData);
        }
        byte[] ciphertext = cipher.doFinal(plaintext);
        return ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
    }

    private static byte[] decrypt(SecretKey key, byte[] nonceAndCiphertext, byte[] associatedData) throws GeneralSecurityException {
        if (nonceAndCiphertext.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new AEADBadTagException("too short");
        }
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonceAndCiphertext, 0, NONCE_BYTES));
        if (associatedData != null) {
            cipher.updateAAD(associatedData);
        }
        return cipher.doFinal(nonceAndCiphertext, NONCE_BYTES, nonceAndCiphertext.length - NONCE_BYTES);
    }

    private static byte[] keyIdBytes(String keyId) {
        return keyId.getBytes(StandardCharsets.US_ASCII);
    }
}
