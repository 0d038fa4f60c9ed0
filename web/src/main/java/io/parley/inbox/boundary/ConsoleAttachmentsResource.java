package io.parley.inbox.boundary;

import io.parley.chat.boundary.AttachmentsResource;
import io.parley.conversations.entity.Attachment;
import io.parley.identity.boundary.Caller;
import io.parley.push.boundary.AttachmentLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/** Images in conversations, for agents who may see the session (an admin: every one; any other gets 404), and sent by them. */
@Path("admin/attachments")
@RolesAllowed({"admin", "agent"})
public class ConsoleAttachmentsResource {

    @Inject
    Desk desk;

    @Inject
    Caller caller;

    /**
     * An agent sends an image in a session they may write to ({@code ?sessionId=}), as the request body: 201 with
     * {@code {id, url, mediaType, size}}, the {@code url} to name in {@code agent_message}; 415 when the bytes are no
     * image, 413 when they are too many (the body limit), 404 for a session the agent may not write to. The right to
     * write is checked before the body is read.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(@QueryParam("sessionId") @NotBlank String sessionId, InputStream body) throws IOException {
        desk.requireWritable(caller.user(), sessionId);
        Attachment attachment = desk.addImage(caller.user(), sessionId, body.readAllBytes());
        return Response.status(Response.Status.CREATED).entity(new AttachmentsResource.Sent(attachment.id(),
                AttachmentLink.url(attachment.id()), attachment.mediaType(), attachment.sizeBytes())).build();
    }

    @GET
    @Path("{id}")
    public Response read(@PathParam("id") String id) {
        return AttachmentsResource.image(desk.attachment(caller.user(), id));
    }
}
