package io.parley.notifications.boundary;

import io.parley.identity.boundary.Caller;
import io.parley.platform.entity.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The signed-in person's own notifications, newest first, and marking one read. */
@Path("notifications")
@RolesAllowed({"admin", "agent"})
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    @Inject
    Notifications notifications;

    @Inject
    Caller caller;

    @GET
    public Page<NotificationView> mine(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return notifications.mine(caller.user(), page, size).map(NotificationView::of);
    }

    @GET
    @Path("unread")
    public Unread unread() {
        return new Unread(notifications.unread(caller.user()));
    }

    @PATCH
    @Path("{id}/read")
    public NotificationView markRead(@PathParam("id") String id) {
        return NotificationView.of(notifications.markRead(caller.user(), id));
    }

    /** How many of one's notifications are unread. */
    public record Unread(long count) {
    }
}
