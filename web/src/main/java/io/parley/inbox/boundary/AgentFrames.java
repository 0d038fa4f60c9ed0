package io.parley.inbox.boundary;

import jakarta.validation.constraints.NotBlank;
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

    public record AgentMessage(@NotBlank @Size(max = 36) String sessionId, @NotBlank String text,
                               @NotBlank @Size(max = 64) String clientMsgId) {
    }

    public record Note(@NotBlank @Size(max = 36) String sessionId, @NotBlank String text) {
    }

    public record Typing(@NotBlank @Size(max = 36) String sessionId) {
    }

    public record InitiateChat(@NotBlank @Size(max = 36) String visitorId, @NotBlank String text) {
    }
}
