package io.parley.identity.boundary;

import io.parley.identity.entity.Role;
import io.parley.identity.boundary.Caller;
import io.parley.platform.entity.UtcClock;
import io.parley.platform.entity.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** User management for admins: the list, roles (with their history) and whether a person may sign in. */
@Path("admin/users")
@RolesAllowed("admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    @GET
    public Page<UserView> list(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return accounts.page(page, size).map(UserView::of);
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
        return accounts.roleHistory(id).stream().map(change -> new RoleChangeView(change.changedBy(),
                change.oldRoles().stream().map(Role::wireName).toList(),
                change.newRoles().stream().map(Role::wireName).toList(), UtcClock.instant(change.changedAt()))).toList();
    }

    public record Roles(@NotEmpty List<@NotNull String> roles) {
    }

    public record Activation(@NotNull Boolean active) {
    }

    public record RoleChangeView(String changedBy, List<String> oldRoles, List<String> newRoles, Instant changedAt) {
    }
}
