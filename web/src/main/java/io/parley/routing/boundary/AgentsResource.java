package io.parley.routing.boundary;

import io.parley.identity.boundary.Caller;
import io.parley.routing.entity.AgentPresence;
import io.parley.routing.entity.AgentStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Agents' availability: everyone's for the inbox, and one's own status and capacity. */
@Path("agents")
@RolesAllowed({"admin", "agent"})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AgentsResource {

    @Inject
    Routing routing;

    @Inject
    Caller caller;

    @GET
    public List<AgentView> everyone() {
        return routing.everyone().stream().map(AgentView::of).toList();
    }

    /** The desk's rules an agent works by: how long a visitor's countdown for a person runs. */
    @GET
    @Path("rules")
    public Rules rules() {
        return new Rules(routing.countdownSeconds());
    }

    /** One's own status and capacity (offline, with the desk's default capacity, for someone who never set one). */
    @GET
    @Path("me/status")
    public PresenceView myStatus() {
        return PresenceView.of(routing.presence(caller.user().id()));
    }

    /** Going online (or gaining capacity) takes waiting conversations at once, oldest first, up to the capacity. */
    @PUT
    @Path("me/status")
    public PresenceView setStatus(@NotNull @Valid StatusChange change) {
        return PresenceView.of(routing.setStatus(caller.user(), AgentStatus.fromWire(change.status()), change.capacity()));
    }

    public record Rules(int countdownSeconds) {
    }

    public record StatusChange(@NotNull String status, Integer capacity) {
    }

    public record PresenceView(String userId, String status, int capacity) {
        static PresenceView of(AgentPresence presence) {
            return new PresenceView(presence.userId(), presence.status().wireName(), presence.capacity());
        }
    }

    /** A person on the desk; {@code load}: how many open conversations they have now (shown when transferring one). */
    public record AgentView(String userId, String name, String status, int capacity, long load) {
        static AgentView of(Routing.AgentOnDesk agent) {
            AgentPresence presence = agent.presence();
            return new AgentView(presence.userId(), agent.name(), presence.status().wireName(), presence.capacity(), agent.load());
        }
    }
}
