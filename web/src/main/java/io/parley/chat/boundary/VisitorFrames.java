package io.parley.chat.boundary;

import io.parley.conversations.entity.VisitorMeta;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The data of each frame a visitor sends on {@code /ws/chat}, with its constraints. */
public final class VisitorFrames {

    private VisitorFrames() {
    }

    public record StartSession(@Valid UserMeta userMeta) {

        VisitorMeta visitorMeta() {
            return userMeta == null ? VisitorMeta.none() : userMeta.toVisitorMeta();
        }
    }

    public record UserMeta(
            @Size(max = 200) String name,
            @Size(max = 320) @Email(message = "must be an e-mail address") String email,
            @Size(max = 2000) String page,
            @Size(max = 2000) String referrer,
            @Size(max = 35) String locale,
            @Size(max = 500) String userAgent) {

        VisitorMeta toVisitorMeta() {
            return new VisitorMeta(name, email, page, referrer, locale, userAgent);
        }
    }

    public record Resume(
            @NotBlank @Size(max = 36) String sessionId,
            @NotBlank @Size(max = 100) String sessionToken,
            @NotNull @PositiveOrZero Long afterSeq) {
    }

    /** {@code attachmentUrl}: the {@code url} an image was sent to, in this session. */
    public record UserMessage(
            @NotBlank String text,
            @NotBlank @Size(max = 64) String clientMsgId,
            @Size(max = 500) String attachmentUrl) {
    }

    /** A thumbs up or down on one of the assistant's answers. */
    public record Feedback(@NotBlank @Size(max = 36) String messageId, @NotNull Boolean helpful) {
    }

    public record VisitorJoin(@Size(max = 2000) String page, @Size(max = 2000) String referrer, Boolean returning) {
    }
}
