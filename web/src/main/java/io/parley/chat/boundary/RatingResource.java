package io.parley.chat.boundary;

import io.parley.conversations.boundary.Conversations;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.conversations.entity.ChatSession;
import io.parley.platform.boundary.ForVisitors;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The visitor rates their conversation, 1 to 5 with an optional comment, proving the session with the
 * {@link SessionHeaders} as for images. Allowed whatever the session's status, since the widget asks once the
 * conversation has ended (when the socket may be gone); rating again replaces the rating. The agents on the session
 * see it in the session at once.
 */
@Path("chat/rating")
@PermitAll
@ForVisitors
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RatingResource {

    static final int MAX_COMMENT_LENGTH = 1_000;

    @Inject
    Conversations conversations;

    @POST
    public Rated rate(@HeaderParam(SessionHeaders.SESSION) String sessionId, @HeaderParam(SessionHeaders.TOKEN) String token,
                      @NotNull @Valid Rating rating) {
        ChatSession session = conversations.rate(sessionId, token, rating.score(), rating.strippedComment());
        return new Rated(session.id(), session.rating(), session.ratingComment());
    }

    /** {@code comment}: optional; blank counts as none. */
    public record Rating(@NotNull @Min(1) @Max(5) Integer score, @Size(max = MAX_COMMENT_LENGTH) String comment) {

        String strippedComment() {
            return comment == null || comment.isBlank() ? null : comment.strip();
        }
    }

    public record Rated(String sessionId, int score, @JsonInclude(JsonInclude.Include.ALWAYS) String comment) {
    }
}
