package io.parley.identity.boundary;

import io.parley.identity.boundary.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Sign-in for everybody, and creating people for admins. */
@Path("auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    Authentication authentication;

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    @POST
    @Path("login")
    @PermitAll
    public SignedInView login(@NotNull @Valid Credentials credentials) {
        Authentication.SignedIn signedIn = authentication.login(credentials.email(), credentials.password(), caller.clientAddress());
        return new SignedInView(signedIn.token(), signedIn.expiresAt(), UserView.of(signedIn.user()));
    }

    @POST
    @Path("signup")
    @RolesAllowed("admin")
    public Response signup(@NotNull @Valid NewUser user) {
        UserView created = UserView.of(accounts.create(caller.actor(), user.email(), user.name(), user.password(),
                RoleNames.parse(user.roles())));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    public record Credentials(@NotNull @Size(max = 254) String email, @NotNull @Size(max = 256) String password) {
    }

    public record NewUser(@NotNull String email, @NotNull String name, @NotNull String password,
                          @NotEmpty List<@NotNull String> roles) {
    }

    public record SignedInView(String token, Instant expiresAt, UserView user) {
    }
}
