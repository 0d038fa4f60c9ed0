package io.parley.conversations.control;

import io.parley.conversations.entity.ChatSession;
import io.parley.platform.entity.UtcClock;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sessions without activity for {@code parley.chat.session-timeout-seconds} (30 minutes) are over: closed, with the
 * transition stored like any other, so that a visitor coming back much later starts afresh.
 */
@Dependent
public class SessionExpiry {

    @Inject
    Transcript transcript;

    @Inject
    @ConfigProperty(name = "parley.chat.session-timeout-seconds")
    long timeoutSeconds;

    public boolean isIdle(ChatSession session) {
        return session.isOpen() && session.lastActivityAt().isBefore(cutoff());
    }

    /** Sessions last active before this are idle. */
    public LocalDateTime cutoff() {
        return UtcClock.now().minus(Duration.ofSeconds(timeoutSeconds));
    }

    /**
     * Closes the session if it is still idle once locked (a message may have come in meanwhile).
     * @return the session, if this closed it
     */
    public Optional<ChatSession> expire(String sessionId) {
        ChatSession session = transcript.locked(sessionId);
        if (!isIdle(session)) {
            return Optional.empty();
        }
        transcript.record(session.expire());
        return Optional.of(session);
    }
}
