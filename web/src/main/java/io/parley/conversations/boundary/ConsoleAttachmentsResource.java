package io.parley.conversations.boundary;

import io.parley.platform.boundary.Caller;
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
    Attachments attachments;

    @Inject
    Caller caller;

    @GET
    @Path("{id}")
    public Response read(@PathParam("id") String id) {
        return AttachmentsResource.image(attachments.forAgent(caller.user(), id));
    }
}
