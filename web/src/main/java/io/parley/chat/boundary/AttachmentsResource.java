package io.parley.chat.boundary;

import io.parley.conversations.boundary.Attachments;
import io.parley.conversations.entity.Attachment;
import io.parley.identity.boundary.Caller;
import io.parley.platform.boundary.ForVisitors;
import io.parley.push.boundary.AttachmentLink;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * Images in conversations, for visitors. A visitor sends one as the request body, with their session's id and token in
 * the {@link SessionHeaders}, then names its {@code url} in {@code user_message}, and reads it back the same way.
 * Agents read them at {@link ConsoleAttachmentsResource}.
 */
@Path("chat/attachments")
@PermitAll
@ForVisitors
public class AttachmentsResource {

    @Inject
    Attachments attachments;

    @Inject
    Caller caller;

    /**
     * 201 with {@code {id, url, mediaType, size}}; 415 when the bytes are no image, 413 when they are too many, 429 with
     * {@code Retry-After} when the session or the client's address has sent as many images as it may for now. The
     * session and the allowances are checked before the body is read: a refused image is never read.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(@HeaderParam(SessionHeaders.SESSION) String sessionId, @HeaderParam(SessionHeaders.TOKEN) String token,
                        @Context HttpServletRequest request, InputStream body) throws IOException {
        String session = attachments.admit(sessionId, token, request.getContentLengthLong(), caller.clientAddress());
        Attachment attachment = attachments.store(session, body.readAllBytes());
        return Response.status(Response.Status.CREATED).entity(new Sent(attachment.id(), AttachmentLink.url(attachment.id()),
                attachment.mediaType(), attachment.sizeBytes())).build();
    }

    @GET
    @Path("{id}")
    public Response forVisitor(@HeaderParam(SessionHeaders.SESSION) String sessionId, @HeaderParam(SessionHeaders.TOKEN) String token, @PathParam("id") String id) {
        return image(attachments.forVisitor(sessionId, token, id));
    }

    /** The image as it was sent, for the browser to show (never to keep: SecurityHeaders says no-store). */
    public static Response image(Attachment attachment) {
        return Response.ok(attachment.content(), attachment.mediaType()).header("Content-Disposition", "inline").build();
    }

    public record Sent(String id, String url, String mediaType, int size) {
    }
}
