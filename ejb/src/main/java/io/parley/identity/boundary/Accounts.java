package io.parley.identity.boundary;

import io.parley.identity.control.Emails;
import io.parley.identity.control.Passwords;
import io.parley.identity.entity.AccessRevoked;
import io.parley.identity.entity.Actor;
import io.parley.identity.entity.Role;
import io.parley.identity.entity.RoleChange;
import io.parley.identity.entity.User;
import io.parley.platform.entity.Page;
import io.parley.platform.entity.Refusal;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The people behind the console: creating them, their roles and whether they may sign in, their own preferences and
 * password. Every change an admin makes is in the audit log; every role change also in the role-change history.
 * There is always at least one active admin.
 */
@Stateless
public class Accounts {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_PREFERENCES_LENGTH = 8192;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Passwords passwords;

    @EJB
    AuditLog audit;

    @Inject
    Event<AccessRevoked> revoked;

    public User create(Actor actor, String email, String name, String password, Set<Role> roles) {
        User user = newUser(email, name, password, roles);
        audit.record(actor, "user.create", user.id(), user.email() + " as " + user.roles());
        return user;
    }

    /**
     * The first admin, when there is nobody yet; no actor, so not in the audit log (the log says so at start-up).
     * @param oneTime whether Parley chose the password: then they must choose their own at their first sign-in
     */
    public User createFirstAdmin(String email, String password, boolean oneTime) {
        User admin = newUser(email, "Administrator", password, Set.of(Role.ADMIN));
        if (oneTime) {
            admin.requirePasswordChange();
        }
        return admin;
    }

    public long count() {
        return em.createNamedQuery(User.COUNT, Long.class).getSingleResult();
    }

    public Page<User> page(int page, int size) {
        Page.requireValid(page, size);
        List<User> users = em.createNamedQuery(User.ALL, User.class).setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(users, count(), page, size);
    }

    public User get(String userId) {
        User user = userId == null ? null : em.find(User.class, userId);
        if (user == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "There is no user " + userId);
        }
        return user;
    }

    /** The signed-in person, while the token they hold is still good: active, and nothing revoked it since. */
    public Optional<User> holderOf(String userId, int tokenVersion) {
        User user = userId == null ? null : em.find(User.class, userId);
        return Optional.ofNullable(user).filter(u -> u.active() && u.tokenVersion() == tokenVersion);
    }

    public User changeRoles(Actor actor, String userId, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "A user needs at least one role: admin or agent");
        }
        User user = lockedUser(userId);
        Set<Role> before = user.roles();
        if (before.equals(roles)) {
            return user;
        }
        if (user.isAdmin() && !roles.contains(Role.ADMIN)) {
            requireAnotherActiveAdmin(user);
        }
        user.changeRoles(roles);
        em.persist(new RoleChange(user.id(), actor.userId(), before, roles));
        audit.record(actor, "user.roles", user.id(), before + " -> " + roles);
        revoked.fire(new AccessRevoked(user.id(), "roles changed: sign in again"));
        return user;
    }

    public User setActive(Actor actor, String userId, boolean active) {
        User user = lockedUser(userId);
        if (user.active() == active) {
            return user;
        }
        if (!active && user.isAdmin()) {
            requireAnotherActiveAdmin(user);
        }
        user.activate(active);
        audit.record(actor, active ? "user.reactivate" : "user.deactivate", user.id(), user.email());
        if (!active) {
            revoked.fire(new AccessRevoked(user.id(), "account deactivated"));
        }
        return user;
    }

    public List<RoleChange> roleHistory(String userId) {
        get(userId);
        return em.createNamedQuery(RoleChange.OF_USER, RoleChange.class).setParameter("userId", userId).getResultList();
    }

    /** Changes the caller's preferences, a JSON object the console owns: {@code change} merges into what is stored now. */
    public User changePreferences(String userId, UnaryOperator<String> change) {
        User user = lockedUser(userId); // two changes at once: the second merges into the first, never into what both read
        String json = change.apply(user.preferences());
        if (json.length() > MAX_PREFERENCES_LENGTH) {
            throw new Refusal(Refusal.Kind.INVALID, "Preferences are limited to " + MAX_PREFERENCES_LENGTH + " characters");
        }
        user.changePreferences(json);
        return user;
    }

    /** Tokens issued before stop working, including the caller's own: they sign in again with the new password. */
    public void changePassword(Actor actor, String currentPassword, String newPassword) {
        User user = lockedUser(actor.userId());
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            throw new Refusal(Refusal.Kind.INVALID, "The current password is wrong");
        }
        passwords.requireAcceptable(newPassword, user.email());
        user.changePassword(passwords.hash(newPassword));
        audit.record(actor, "user.password", user.id(), user.email());
        revoked.fire(new AccessRevoked(user.id(), "password changed: sign in again"));
    }

    /** Every token the caller holds stops working, the one they call with included (sign out everywhere). */
    public void signOutEverywhere(Actor actor) {
        User user = lockedUser(actor.userId());
        user.revokeTokens();
        audit.record(actor, "user.sign-out-everywhere", user.id(), user.email());
        revoked.fire(new AccessRevoked(user.id(), "signed out everywhere: sign in again"));
    }

    private User newUser(String email, String name, String password, Set<Role> roles) {
        String normalized = Emails.normalize(email);
        String displayName = name == null ? "" : name.strip();
        if (displayName.isEmpty() || displayName.length() > MAX_NAME_LENGTH) {
            throw new Refusal(Refusal.Kind.INVALID, "A name of 1 to " + MAX_NAME_LENGTH + " characters is needed");
        }
        if (roles == null || roles.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "A user needs at least one role: admin or agent");
        }
        passwords.requireAcceptable(password, normalized);
        if (!em.createNamedQuery(User.BY_EMAIL, User.class).setParameter("email", normalized).getResultList().isEmpty()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "There is already a user " + normalized);
        }
        User user = new User(normalized, displayName, roles, passwords.hash(password));
        em.persist(user);
        return user;
    }

    private User lockedUser(String userId) {
        User user = userId == null ? null : em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "There is no user " + userId);
        }
        return user;
    }

    /** Locks every active admin, so that two admins demoting each other at once cannot leave none. */
    private void requireAnotherActiveAdmin(User leaving) {
        boolean another = em.createNamedQuery(User.ACTIVE, User.class).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream().anyMatch(u -> u.isAdmin() && !u.id().equals(leaving.id()));
        if (!another) {
            throw new Refusal(Refusal.Kind.CONFLICT, "This is the last active admin: make someone else an admin first");
        }
    }
}
