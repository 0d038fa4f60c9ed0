package io.parley.identity.entity;

import io.parley.platform.entity.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A key pair that signs console tokens. The private half only ever sealed by the secrets component. A key signs from
 * {@link #signsFrom()} until a newer one does, and verifies until {@link #verifiesUntil()}, which is set when a newer key
 * replaces it (none: it is the newest).
 */
@Entity
@Table(name = "signing_keys")
@NamedQuery(name = SigningKey.ALL, query = "SELECT k FROM SigningKey k ORDER BY k.signsFrom DESC")
@NamedQuery(name = SigningKey.EXPIRED, query = "DELETE FROM SigningKey k WHERE k.verifiesUntil < :now")
public class SigningKey {

    public static final String ALL = "SigningKey.all";
    public static final String EXPIRED = "SigningKey.expired";

    @Id
    private String id;

    @Column(name = "public_key")
    private String publicKey;

    @Column(name = "private_key_sealed")
    private String privateKeySealed;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "signs_from")
    private LocalDateTime signsFrom;

    @Column(name = "verifies_until")
    private LocalDateTime verifiesUntil;

    protected SigningKey() {
    }

    public SigningKey(String id, String publicKey, String privateKeySealed, LocalDateTime signsFrom) {
        this.id = id;
        this.publicKey = publicKey;
        this.privateKeySealed = privateKeySealed;
        this.createdAt = UtcClock.now();
        this.signsFrom = signsFrom;
    }

    /** A newer key signs from now on: this one keeps verifying the tokens it signed until {@code until}. */
    public void replacedUntil(LocalDateTime until) {
        if (verifiesUntil == null) {
            verifiesUntil = until;
        }
    }

    public boolean signsAt(LocalDateTime now) {
        return !signsFrom.isAfter(now);
    }

    public boolean verifiesAt(LocalDateTime now) {
        return verifiesUntil == null || now.isBefore(verifiesUntil);
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

    public LocalDateTime signsFrom() {
        return signsFrom;
    }
}
