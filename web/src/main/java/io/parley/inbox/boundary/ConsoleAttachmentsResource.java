package io.parley.inbox.boundary;

import io.parley.chat.boundary.AttachmentsResource;
import io.parley.identity.boundary.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Images in conversations, for agents who may see the session (an admin: every one); any other gets 404. */
@Path("admin/attachments")
@RolesAllowed({"admin", "agent"})
public class ConsoleAttachmentsResource {

    @Inject
    Desk desk;

    @Inject
    Caller caller;

    @GET
    @Path("{id}")
    public Response read(@PathParam("id") String id) {
        return AttachmentsResource.image(desk.attachment(caller.user(), id));
    }
}
