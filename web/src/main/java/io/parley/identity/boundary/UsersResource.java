package io.parley.identity.boundary;

import io.parley.identity.entity.Role;
import io.parley.identity.entity.RoleChange;
import io.parley.identity.boundary.Caller;
import io.parley.platform.entity.UtcClock;
import io.parley.platform.entity.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * User management for admins: the list, inviting someone, roles (with their history), whether a person may sign in,
 * and resetting a password.
 */
@Path("admin/users")
@RolesAllowed("admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    /** {@code q}: text in the name or the e-mail address. */
    @GET
    public Page<UserView> list(@QueryParam("q") @Size(max = 254) String q,
                               @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return accounts.page(q, page, size).map(UserView::of);
    }

    /**
     * Invites someone, who must choose their own password at their first sign-in. Without a password Parley generates
     * one and answers it, this once, as {@code generatedPassword}.
     */
    @POST
    public Response invite(@NotNull @Valid Invitation invitation) {
        Accounts.WithPassword invited = accounts.invite(caller.actor(), invitation.email(), invitation.name(),
                RoleNames.parse(invitation.roles()), invitation.password());
        return Response.status(Response.Status.CREATED).entity(WithPasswordView.of(invited)).build();
    }

    /**
     * A new password for the person, who must change it at the next sign-in; every sign-in of theirs ends now. Without
     * a password Parley generates one and answers it, this once.
     */
    @POST
    @Path("{id}/password")
    public WithPasswordView resetPassword(@PathParam("id") String id, @NotNull @Valid PasswordReset reset) {
        return WithPasswordView.of(accounts.resetPassword(caller.actor(), id, reset.password()));
    }

    @GET
    @Path("{id}")
    public UserView get(@PathParam("id") String id) {
        return UserView.of(accounts.get(id));
    }

    @PUT
    @Path("{id}/roles")
    public UserView changeRoles(@PathParam("id") String id, @NotNull @Valid Roles roles) {
        return UserView.of(accounts.changeRoles(caller.actor(), id, RoleNames.parse(roles.roles())));
    }

    /** Deactivating stops every token the person holds at once; reactivating lets them sign in again. */
    @PUT
    @Path("{id}/active")
    public UserView setActive(@PathParam("id") String id, @NotNull @Valid Activation activation) {
        return UserView.of(accounts.setActive(caller.actor(), id, activation.active()));
    }

    @GET
    @Path("{id}/role-changes")
    public List<RoleChangeView> roleChanges(@PathParam("id") String id) {
        return accounts.roleHistory(id).stream().map(RoleChangeView::of).toList();
    }

    /** {@code password}: absent or empty, Parley generates one. */
    public record Invitation(@NotNull String email, @NotNull String name, @NotEmpty List<@NotNull String> roles,
                             @Size(max = 256) String password) {
    }

    /** {@code password}: absent or empty, Parley generates one. */
    public record PasswordReset(@Size(max = 256) String password) {
    }

    /** The person, and the password Parley generated for them (shown once; null when the admin chose one). */
    public record WithPasswordView(UserView user, String generatedPassword) {
        static WithPasswordView of(Accounts.WithPassword invited) {
            return new WithPasswordView(UserView.of(invited.user()), invited.generatedPassword());
        }
    }

    public record Roles(@NotEmpty List<@NotNull String> roles) {
    }

    public record Activation(@NotNull Boolean active) {
    }

    public record RoleChangeView(String changedBy, String changedByName, List<String> oldRoles, List<String> newRoles, Instant changedAt) {
        static RoleChangeView of(RoleChange.ByName byName) {
            RoleChange change = byName.change();
            return new RoleChangeView(change.changedBy(), byName.changedByName(), names(change.oldRoles()), names(change.newRoles()),
                    UtcClock.instant(change.changedAt()));
        }

        private static List<String> names(Set<Role> roles) {
            return roles.stream().map(Role::wireName).toList();
        }
    }
}
