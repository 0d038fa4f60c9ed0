package io.parley.inbox.boundary;

import io.parley.push.boundary.NoteView;
import io.parley.push.boundary.SessionView;
import io.parley.push.boundary.WireMessage;
import io.parley.conversations.entity.ChatMessage;
import io.parley.conversations.entity.ChatSession;
import io.parley.conversations.entity.SessionStatus;
import io.parley.identity.entity.User;
import io.parley.identity.boundary.Caller;
import io.parley.platform.boundary.QueryParameters;
import io.parley.platform.entity.WireNames;
import io.parley.platform.entity.Page;
import io.parley.routing.boundary.Routing;
import io.parley.tickets.boundary.Tickets;
import io.parley.tickets.boundary.TicketsResource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

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
    Routing routing;

    @Inject
    Tickets tickets;

    @Inject
    ExportTickets exportTickets;

    static final int EXPORT_PAGE = 100;

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
                                      @QueryParam("beforeSeq") Long beforeSeq, @QueryParam("limit") @DefaultValue("100") int limit) {
        return WireMessage.of(desk.messages(caller.user(), id, afterSeq, beforeSeq, limit));
    }

    /** What else the desk knows of the session's visitor: their other conversations and their tickets, newest first. */
    @GET
    @Path("{id}/history")
    public VisitorHistory history(@PathParam("id") String id) {
        ChatSession session = desk.detail(caller.user(), id);
        return new VisitorHistory(desk.earlier(caller.user(), session).stream().map(SessionView::of).toList(),
                tickets.ofVisitor(session).stream().map(TicketsResource.View::of).toList());
    }

    /** The session's internal notes, oldest first: only agents ever see them (the history behind exports). */
    @GET
    @Path("{id}/notes")
    public List<NoteView> notes(@PathParam("id") String id) {
        return desk.notes(caller.user(), id).stream().map(NoteView::of).toList();
    }

    /** Assigns or transfers the session; the agents' sockets hear of it, and the visitor of an agent taking it themselves. */
    @PUT
    @Path("{id}/assign")
    public SessionView assign(@PathParam("id") String id, @NotNull @Valid Assignment assignment) {
        return SessionView.of(desk.assign(caller.user(), id, assignment.agentId()));
    }

    /** Resolves the session; the visitor's widget is told the conversation is over, and the freed place goes to the queue. */
    @PUT
    @Path("{id}/close")
    public SessionView close(@PathParam("id") String id) {
        return SessionView.of(desk.close(caller.user(), id));
    }

    /**
     * The agent (or an admin) lets go of the session without closing it: back to the assistant if the desk's settings
     * say so, otherwise to another agent with room or to the queue.
     */
    @PUT
    @Path("{id}/release")
    public SessionView release(@PathParam("id") String id) {
        return SessionView.of(routing.release(caller.user(), id));
    }

    /**
     * Every session that matches the filter, with all its messages, as CSV (one row per message) or JSON. Streamed
     * while it is read, a page of sessions and a page of messages at a time, so memory stays flat however large.
     */
    @POST
    @Path("export")
    @RolesAllowed("admin")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response export(@NotNull @Valid ExportRequest request) {
        return export(caller.user(), request);
    }

    /** A link that downloads the export asked for, valid for a minute: what a browser follows (see {@link ExportTickets}). */
    @POST
    @Path("export/link")
    @RolesAllowed("admin")
    public ExportLink exportLink(@NotNull @Valid ExportRequest request) {
        ExportTickets.Ticket ticket = exportTickets.issue(caller.user(), request);
        return new ExportLink("/api/admin/sessions/export/" + ticket.ticket(), ticket.expiresAt());
    }

    /** The export a link was made for, as {@link #export(ExportRequest)} streams it; the ticket is the authority. */
    @GET
    @Path("export/{ticket}")
    @PermitAll
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response exportByLink(@PathParam("ticket") @Size(max = 4096) String ticket) {
        ExportTickets.Redeemed redeemed = exportTickets.redeem(ticket);
        return export(redeemed.admin(), redeemed.request());
    }

    private Response export(User admin, ExportRequest request) {
        Desk.Filter filter = new Desk.Filter(Desk.View.ALL, status(request.status()), request.assignedAgentId(),
                QueryParameters.utc("from", request.from()), QueryParameters.utc("to", request.to()), request.q());
        boolean csv = request.format().equals("csv");
        StreamingOutput body = out -> {
            try (ExportWriter writer = csv ? new CsvExportWriter(out) : new JsonExportWriter(out)) {
                writeExport(admin, filter, writer);
            }
        };
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"parley-sessions." + (csv ? "csv" : "json") + "\"")
                .build();
    }

    private void writeExport(User admin, Desk.Filter filter, ExportWriter writer) throws IOException {
        for (int page = 0; ; page++) {
            Page<ChatSession> sessions = desk.inbox(admin, filter, page, EXPORT_PAGE);
            for (ChatSession session : sessions.items()) {
                SessionView view = SessionView.of(session);
                writer.startSession(view);
                long afterSeq = 0;
                List<ChatMessage> messages;
                do {
                    messages = desk.messages(admin, session.id(), afterSeq, null, Desk.MAX_PAGE_OF_MESSAGES);
                    for (ChatMessage message : messages) {
                        writer.message(view, WireMessage.of(message));
                        afterSeq = message.seq();
                    }
                } while (messages.size() == Desk.MAX_PAGE_OF_MESSAGES);
                writer.endSession();
            }
            if ((long) (page + 1) * EXPORT_PAGE >= sessions.total()) {
                return;
            }
        }
    }

    public record VisitorHistory(List<SessionView> earlier, List<TicketsResource.View> tickets) {
    }

    public record Assignment(@NotBlank String agentId) {
    }

    /** {@code url}: on this server; following it before {@code expiresAt} downloads the export. */
    public record ExportLink(String url, Instant expiresAt) {
    }

    /** What to export: {@code format} csv or json, and the inbox filters (all optional). */
    public record ExportRequest(@NotNull @Pattern(regexp = "csv|json", message = "must be csv or json") String format,
                                String status, String assignedAgentId, String q, String from, String to) {
    }

    private static Desk.View view(String view) {
        return WireNames.parse(Desk.View.class, view, "view");
    }

    private static SessionStatus status(String status) {
        return status == null || status.isBlank() ? null : SessionStatus.fromWire(status);
    }
}
