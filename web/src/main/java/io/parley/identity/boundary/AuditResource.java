package io.parley.identity.boundary;

import io.parley.identity.entity.AuditEntry;
import io.parley.platform.boundary.QueryParameters;
import io.parley.platform.entity.UtcClock;
import io.parley.platform.entity.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The audit log for admins, newest first. There is deliberately no way to change or delete an entry. */
@Path("admin/audit")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog auditLog;

    /** The actions the log holds entries of, to filter by. */
    @GET
    @Path("actions")
    public List<String> actions() {
        return auditLog.actions();
    }

    /** {@code from} and {@code to} are ISO-8601 instants, for example {@code 2026-11-24T00:00:00Z}. */
    @GET
    public Page<AuditEntryView> find(@QueryParam("action") String action, @QueryParam("actorId") String actorId,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        AuditLog.Filter filter = new AuditLog.Filter(action, actorId, QueryParameters.utc("from", from), QueryParameters.utc("to", to));
        return auditLog.find(filter, page, size).map(AuditEntryView::of);
    }

    /** {@code targetName}: the name of the person {@code target} is, when it is one. */
    public record AuditEntryView(String id, String actorId, String actorEmail, String action, String target, String targetName,
                                 String detail, String clientAddress, Instant at) {
        static AuditEntryView of(AuditLog.Listed listed) {
            AuditEntry entry = listed.entry();
            return new AuditEntryView(entry.id(), entry.actorId(), entry.actorEmail(), entry.action(), entry.target(),
                    listed.targetName(), entry.detail(), entry.clientAddress(), UtcClock.instant(entry.createdAt()));
        }
    }
}
