package io.parley.autoreply.boundary;

import io.parley.autoreply.entity.CannedResponse;
import io.parley.autoreply.entity.MatchType;
import io.parley.identity.boundary.Caller;
import io.parley.platform.entity.UtcClock;
import io.parley.platform.entity.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/**
 * The canned responses the assistant answers with before any model is asked (routes as in DESIGN.md §3): agents and
 * admins read them (the console's slash commands), admins change them; a change is answered at once by the engine.
 */
@Path("canned-responses")
@RolesAllowed("admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CannedResponsesResource {

    @Inject
    CannedResponses responses;

    @Inject
    Caller caller;

    /** {@code q}: text in the trigger or the response. */
    @GET
    @RolesAllowed({"admin", "agent"})
    public Page<View> find(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int page,
                           @QueryParam("size") @DefaultValue("50") int size) {
        return responses.find(q, page, size).map(View::of);
    }

    @POST
    public Response add(@NotNull @Valid Content content) {
        return Response.status(Response.Status.CREATED).entity(View.of(responses.add(caller.actor(), content.toContent()))).build();
    }

    @PUT
    @Path("{id}")
    public View change(@PathParam("id") String id, @NotNull @Valid Content content) {
        return View.of(responses.change(caller.actor(), id, content.toContent()));
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) {
        responses.remove(caller.actor(), id);
        return Response.noContent().build();
    }

    /** {@code trigger}: the phrase, or for {@code keyword} a comma-separated list of words. */
    public record Content(@NotBlank @Size(max = 500) String trigger, @NotBlank @Size(max = 10_000) String response,
                          @NotNull @Pattern(regexp = "exact|partial|keyword", message = "must be exact, partial or keyword") String matchType,
                          Boolean active) {

        CannedResponses.Content toContent() {
            return new CannedResponses.Content(trigger.strip(), response.strip(), MatchType.fromWire(matchType), active == null || active);
        }
    }

    public record View(String id, String trigger, String response, String matchType, boolean active, Instant updatedAt) {

        static View of(CannedResponse response) {
            return new View(response.id(), response.trigger(), response.response(), response.matchType().wireName(), response.active(),
                    UtcClock.instant(response.updatedAt()));
        }
    }
}
