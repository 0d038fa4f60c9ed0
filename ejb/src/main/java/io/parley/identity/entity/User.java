package io.parley.identity.entity;

import io.parley.platform.entity.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A person behind the console. The email is stored in lower case and is the login name; the password only as a
 * PBKDF2 hash. {@link #tokenVersion()} is raised whenever the tokens this person holds must stop working.
 */
@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE u.email = :email")
@NamedQuery(name = User.COUNT, query = "SELECT COUNT(u) FROM User u")
@NamedQuery(name = User.ACTIVE, query = "SELECT u FROM User u WHERE u.active = TRUE")
@NamedQuery(name = User.NAMES, query = "SELECT u.id, u.name FROM User u WHERE u.id IN :ids")
public class User {

    public static final String BY_EMAIL = "User.byEmail";
    public static final String COUNT = "User.count";
    public static final String ACTIVE = "User.active";
    /** The ids and names of the people among {@code ids}. */
    public static final String NAMES = "User.names";

    @Id
    private String id;

    private String email;

    private String name;

    @Convert(converter = RolesConverter.class)
    private Set<Role> roles;

    @Column(name = "password_hash")
    private String passwordHash;

    private boolean active;

    @Column(name = "token_version")
    private int tokenVersion;

    @Column(name = "must_change_password")
    private boolean mustChangePassword;

    private String preferences;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    protected User() {
    }

    public User(String email, String name, Set<Role> roles, String passwordHash) {
        this.id = UUID.randomUUID().toString();
        this.email = email;
        this.name = name;
        this.roles = EnumSet.copyOf(roles);
        this.passwordHash = passwordHash;
        this.active = true;
        this.preferences = "{}";
        this.createdAt = UtcClock.now();
        this.updatedAt = createdAt;
    }

    public void changeRoles(Set<Role> newRoles) {
        roles = EnumSet.copyOf(newRoles);
        revokeTokens();
    }

    public void activate(boolean nowActive) {
        if (active != nowActive) {
            active = nowActive;
            revokeTokens();
        }
    }

    public void changePassword(String newHash) {
        passwordHash = newHash;
        mustChangePassword = false;
        revokeTokens();
    }

    /** An admin set a new password: every token stops working, and its holder must choose their own at the next sign-in. */
    public void resetPassword(String newHash) {
        passwordHash = newHash;
        mustChangePassword = true;
        revokeTokens();
    }

    /** Someone else chose the password: its holder must choose their own before doing anything else. */
    public void requirePasswordChange() {
        mustChangePassword = true;
    }

    public void changePreferences(String json) {
        preferences = json;
        updatedAt = UtcClock.now();
    }

    /** Every token issued so far stops working. */
    public void revokeTokens() {
        tokenVersion++;
        updatedAt = UtcClock.now();
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean active() {
        return active;
    }

    public int tokenVersion() {
        return tokenVersion;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public String preferences() {
        return preferences;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}
