package io.parley.inbox.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The data of each frame an agent sends on {@code /ws/agent}, with its constraints. */
public final class AgentFrames {

    private AgentFrames() {
    }

    public record AgentAuth(@NotBlank String token) {
    }

    /** {@code afterSeq} absent means the whole transcript. */
    public record JoinSession(@NotBlank @Size(max = 36) String sessionId, @PositiveOrZero Long afterSeq) {

        long from() {
            return afterSeq == null ? 0 : afterSeq;
        }
    }

    /** {@code text} may be blank when the message carries an image ({@code attachmentUrl}, sent to /api/admin/attachments). */
    public record AgentMessage(@NotBlank @Size(max = 36) String sessionId, @NotNull String text,
                               @NotBlank @Size(max = 64) String clientMsgId, @Size(max = 300) String attachmentUrl) {
    }

    public record Note(@NotBlank @Size(max = 36) String sessionId, @NotBlank String text) {
    }

    public record Typing(@NotBlank @Size(max = 36) String sessionId) {
    }

    public record InitiateChat(@NotBlank @Size(max = 36) String visitorId, @NotBlank String text) {
    }
}
