package io.parley.identity.boundary;

import io.parley.identity.control.Emails;
import io.parley.identity.control.Passwords;
import io.parley.identity.entity.AccessRevoked;
import io.parley.identity.entity.AccountDeactivated;
import io.parley.identity.entity.Actor;
import io.parley.identity.entity.Role;
import io.parley.identity.entity.RoleChange;
import io.parley.identity.entity.User;
import io.parley.platform.control.CriteriaPages;
import io.parley.platform.entity.Page;
import io.parley.platform.entity.Refusal;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
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

    @Inject
    Event<AccountDeactivated> deactivated;

    public User create(Actor actor, String email, String name, String password, Set<Role> roles) {
        User user = newUser(email, name, password, roles);
        audit.record(actor, "user.create", user.id(), user.email() + " as " + user.roles());
        return user;
    }

    /**
     * An admin invites someone: they sign in with the password given — or, without one, a password Parley generates —
     * and must choose their own before anything else. The generated password is answered once, for the admin to pass
     * on; it is stored only as a hash.
     */
    public WithPassword invite(Actor actor, String email, String name, Set<Role> roles, String password) {
        String initial = password == null || password.isEmpty() ? passwords.generate() : password;
        User user = newUser(email, name, initial, roles);
        user.requirePasswordChange();
        audit.record(actor, "user.invite", user.id(), user.email() + " as " + user.roles()
                + (initial.equals(password) ? ", with a password the admin chose" : ", with a password Parley generated"));
        return new WithPassword(user, initial.equals(password) ? null : initial);
    }

    /**
     * An admin gives someone a new password (the one given, or one Parley generates): every sign-in of theirs ends at
     * once, and they must choose their own at the next. Not one's own: that is changed from one's account.
     */
    public WithPassword resetPassword(Actor actor, String userId, String password) {
        if (actor.userId().equals(userId)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "Change your own password from your account, not by resetting it");
        }
        User user = lockedUser(userId);
        String chosen = password == null || password.isEmpty() ? passwords.generate() : password;
        passwords.requireAcceptable(chosen, user.email());
        user.resetPassword(passwords.hash(chosen));
        audit.record(actor, "user.password-reset", user.id(), user.email()
                + (chosen.equals(password) ? ", to a password the admin chose" : ", to a password Parley generated"));
        revoked.fire(new AccessRevoked(user.id(), "password changed by an admin: sign in with the new one"));
        return new WithPassword(user, chosen.equals(password) ? null : chosen);
    }

    /** A person and the password Parley generated for them, to be shown once (null when the admin chose it). */
    public record WithPassword(User user, String generatedPassword) {
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

    /** By e-mail address; {@code q} finds text in the name or the address, ignoring case. */
    public Page<User> page(String q, int page, int size) {
        return CriteriaPages.page(em, User.class, (cb, user) -> q == null || q.isBlank() ? new Predicate[0]
                        : new Predicate[] {cb.or(cb.like(cb.lower(user.get("name")), CriteriaPages.containing(q)),
                                cb.like(user.get("email"), CriteriaPages.containing(q)))},
                (cb, user) -> List.of(cb.asc(user.get("email"))), page, size);
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

    /**
     * Deactivating ends every sign-in of the person at once, and their open conversations go to someone else (routing
     * observes {@link AccountDeactivated}); nobody deactivates themself, nor the last active admin.
     */
    public User setActive(Actor actor, String userId, boolean active) {
        if (!active && actor.userId().equals(userId)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "You cannot deactivate yourself: another admin can");
        }
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
            deactivated.fire(new AccountDeactivated(user.id(), actor.userId()));
        }
        return user;
    }

    /** Oldest first, each with the name of who changed them. */
    public List<RoleChange.ByName> roleHistory(String userId) {
        get(userId);
        return em.createNamedQuery(RoleChange.OF_USER, Object[].class).setParameter("userId", userId).getResultList().stream()
                .map(row -> new RoleChange.ByName((RoleChange) row[0], (String) row[1])).toList();
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
