package io.parley.settings.boundary;

import io.parley.identity.boundary.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The message the widget shows when a conversation starts, for admins: read with GET, replace with POST; audited. */
@Path("admin/welcome-message")
@RolesAllowed("admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WelcomeMessageResource {

    static final int MAX_LENGTH = 2_000;

    @Inject
    Settings settings;

    @Inject
    Caller caller;

    @GET
    public WelcomeMessage get() {
        return new WelcomeMessage(settings.welcomeMessage());
    }

    @POST
    public WelcomeMessage change(@NotNull @Valid WelcomeMessage next) {
        return new WelcomeMessage(settings.changeWelcomeMessage(caller.actor(), next.welcomeMessage().strip()));
    }

    public record WelcomeMessage(@NotBlank @Size(max = MAX_LENGTH) String welcomeMessage) {
    }
}
