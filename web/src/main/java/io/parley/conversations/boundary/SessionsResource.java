package io.parley.conversations.boundary;

import io.parley.conversations.entity.SessionStatus;
import io.parley.platform.boundary.Caller;
import io.parley.platform.boundary.QueryParameters;
import io.parley.platform.entity.Page;
import io.parley.platform.entity.Refusal;
import io.parley.push.boundary.Push;
import io.parley.push.boundary.ServerFrame;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The inbox over REST: sessions paged and filtered, one session, its messages after a seq, assigning and closing.
 * Agents see unassigned sessions and their own; admins see all (see {@link Desk}).
 */
@Path("admin/sessions")
@RolesAllowed({"admin", "agent"})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    @Inject
    Desk desk;

    @Inject
    Caller caller;

    @Inject
    Push push;

    /** {@code view}: mine, unassigned, resolved or all; {@code q} looks in the visitor's name and email. */
    @GET
    public Page<SessionView> list(@QueryParam("view") @DefaultValue("all") String view, @QueryParam("status") String status,
                                  @QueryParam("assignedAgentId") String assignedAgentId, @QueryParam("q") String text,
                                  @QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        Desk.Filter filter = new Desk.Filter(view(view), status(status), assignedAgentId, QueryParameters.utc("from", from), QueryParameters.utc("to", to), text);
        return desk.inbox(caller.user(), filter, page, size).map(SessionView::of);
    }

    @GET
    @Path("{id}")
    public SessionView get(@PathParam("id") String id) {
        return SessionView.of(desk.detail(caller.user(), id));
    }

    @GET
    @Path("{id}/messages")
    public List<WireMessage> messages(@PathParam("id") String id, @QueryParam("afterSeq") @DefaultValue("0") long afterSeq,
                                      @QueryParam("limit") @DefaultValue("100") int limit) {
        return WireMessage.of(desk.messages(caller.user(), id, afterSeq, limit));
    }

    /** Assigns or transfers the session; the agents' sockets hear of it. */
    @PUT
    @Path("{id}/assign")
    public SessionView assign(@PathParam("id") String id, @NotNull @Valid Assignment assignment) {
        SessionView session = SessionView.of(desk.assign(caller.user(), id, assignment.agentId()));
        push.toAgents(id, ServerFrame.event("session_update", Map.of("session", session)));
        return session;
    }

    /** Resolves the session; the visitor's widget is told the conversation is over. */
    @PUT
    @Path("{id}/close")
    public SessionView close(@PathParam("id") String id) {
        SessionView session = SessionView.of(desk.close(caller.user(), id));
        push.toVisitor(id, ServerFrame.event("session_ended", Map.of("sessionId", id, "by", "agent")));
        push.toAgents(id, ServerFrame.event("session_update", Map.of("session", session)));
        return session;
    }

    public record Assignment(@NotBlank String agentId) {
    }

    private static Desk.View view(String view) {
        try {
            return Desk.View.valueOf(view.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.INVALID, "view must be mine, unassigned, resolved or all");
        }
    }

    private static SessionStatus status(String status) {
        try {
            return status == null || status.isBlank() ? null : SessionStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.INVALID, e.getMessage() + ": active, waiting_agent, assigned, resolved or closed");
        }
    }
}
