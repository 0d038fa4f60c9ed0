package io.parley.tickets.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.identity.boundary.Caller;
import io.parley.platform.boundary.ForVisitors;
import io.parley.platform.boundary.VisitorLimits;
import io.parley.platform.entity.Page;
import io.parley.platform.entity.UtcClock;
import io.parley.tickets.entity.Ticket;
import io.parley.tickets.entity.TicketStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * The offline form (routes as in DESIGN.md §3): any visitor leaves a ticket, from any site that may embed the widget;
 * agents and admins list them, newest first. Everyone at the desk is notified of a new one.
 */
@Path("tickets")
@RolesAllowed({"admin", "agent"})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TicketsResource {

    @Inject
    Tickets tickets;

    @Inject
    VisitorLimits limits;

    @Inject
    Caller caller;

    /**
     * 201 with {@code {id, status, createdAt}}; the desk's notifications are pushed once the ticket is stored. 429 with
     * {@code Retry-After} when the client's address has left more than {@code parley.limits.address-tickets}.
     */
    @POST
    @PermitAll
    @ForVisitors
    public Response submit(@NotNull @Valid Form form) {
        limits.ticket(caller.clientAddress());
        Ticket ticket = tickets.submit(form.toForm());
        return Response.status(Response.Status.CREATED)
                .entity(new Received(ticket.id(), ticket.status().wireName(), UtcClock.instant(ticket.createdAt()))).build();
    }

    /** {@code status}: open, answered or closed; absent for all. */
    @GET
    public Page<View> find(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page,
                           @QueryParam("size") @DefaultValue("50") int size) {
        return tickets.find(status == null || status.isBlank() ? null : TicketStatus.fromWire(status), page, size).map(View::of);
    }

    /** {@code sessionId} and {@code sessionToken}: the conversation the visitor leaves it from, both or neither (empty is none). */
    public record Form(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 320) String email,
                       @NotBlank @Size(max = 4_000) String message, @Size(max = 36) String sessionId,
                       @Size(max = 100) String sessionToken) {

        Tickets.Form toForm() {
            return new Tickets.Form(name.strip(), email, message.strip(), given(sessionId), given(sessionToken));
        }

        private static String given(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    public record Received(String id, String status, Instant createdAt) {
    }

    /** {@code sessionId}: null when the visitor left it without a conversation. */
    public record View(String id, String name, String email, String message, @JsonInclude(JsonInclude.Include.ALWAYS) String sessionId,
                       String status, Instant createdAt) {

        public static View of(Ticket ticket) {
            return new View(ticket.id(), ticket.name(), ticket.email(), ticket.message(), ticket.sessionId(),
                    ticket.status().wireName(), UtcClock.instant(ticket.createdAt()));
        }
    }
}
