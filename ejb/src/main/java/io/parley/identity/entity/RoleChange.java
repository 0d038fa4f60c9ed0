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

/** One change of a person's roles: who changed them, when, from what to what. Never changed afterwards. */
@Entity
@Table(name = "role_changes")
@NamedQuery(name = RoleChange.OF_USER, query = "SELECT c, u.name FROM RoleChange c, User u WHERE u.id = c.changedBy AND c.userId = :userId ORDER BY c.changedAt")
public class RoleChange {

    /** A person's role changes, oldest first, each with the name of who made it: {@code [RoleChange, String]}. */
    public static final String OF_USER = "RoleChange.ofUser";

    /** A change with the name of the person who made it. */
    public record ByName(RoleChange change, String changedByName) {
    }

    @Id
    private String id;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "changed_by")
    private String changedBy;

    @Convert(converter = RolesConverter.class)
    @Column(name = "old_roles")
    private Set<Role> oldRoles;

    @Convert(converter = RolesConverter.class)
    @Column(name = "new_roles")
    private Set<Role> newRoles;

    @Column(name = "changed_at")
    private LocalDateTime changedAt;

    protected RoleChange() {
    }

    public RoleChange(String userId, String changedBy, Set<Role> oldRoles, Set<Role> newRoles) {
        this.id = UUID.randomUUID().toString();
        this.userId = userId;
        this.changedBy = changedBy;
        this.oldRoles = EnumSet.copyOf(oldRoles);
        this.newRoles = EnumSet.copyOf(newRoles);
        this.changedAt = UtcClock.now();
    }

    public String userId() {
        return userId;
    }

    public String changedBy() {
        return changedBy;
    }

    public Set<Role> oldRoles() {
        return EnumSet.copyOf(oldRoles);
    }

    public Set<Role> newRoles() {
        return EnumSet.copyOf(newRoles);
    }

    public LocalDateTime changedAt() {
        return changedAt;
    }
}
