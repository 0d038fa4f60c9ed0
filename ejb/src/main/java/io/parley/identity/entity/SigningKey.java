package io.parley.identity.entity;

import io.parley.platform.entity.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A key pair that signs console tokens. The private half only ever sealed by the secrets component. */
@Entity
@Table(name = "signing_keys")
@NamedQuery(name = SigningKey.ALL, query = "SELECT k FROM SigningKey k ORDER BY k.createdAt DESC")
public class SigningKey {

    public static final String ALL = "SigningKey.all";

    @Id
    private String id;

    @Column(name = "public_key")
    private String publicKey;

    @Column(name = "private_key_sealed")
    private String privateKeySealed;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected SigningKey() {
    }

    public SigningKey(String id, String publicKey, String privateKeySealed) {
        this.id = id;
        this.publicKey = publicKey;
        this.privateKeySealed = privateKeySealed;
        this.createdAt = UtcClock.now();
    }

    public String id() {
        return id;
    }

    public String publicKey() {
        return publicKey;
    }

    public String privateKeySealed() {
        return privateKeySealed;
    }
}
