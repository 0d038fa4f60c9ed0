package io.parley.push.boundary;

import io.parley.platform.boundary.Outages;
import io.parley.platform.entity.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.util.function.Consumer;

/**
 * What every WebSocket endpoint does with a frame around its own handling: read it, hand it on, and answer a bad
 * frame, a refusal or a failure with an {@code error} frame that carries the frame's {@code ref}; and acknowledge.
 */
@ApplicationScoped
public class FrameDispatcher {

    private static final Logger LOG = System.getLogger(FrameDispatcher.class.getName());

    @Inject
    FrameReader frames;

    @Inject
    Push push;

    /**
     * @return whether the frame was refused: a bad frame, or a refusal of what it asked — the client's doing (the
     * database being away is not)
     */
    public boolean dispatch(Session socket, String raw, Consumer<ClientFrame> handler) {
        String ref = null;
        try {
            ClientFrame frame = frames.read(raw);
            ref = frame.ref();
            handler.accept(frame);
        } catch (FrameException e) {
            push.send(socket, ServerFrame.error(e.ref(), e.code(), e.getMessage()));
            return true;
        } catch (Refusal e) {
            push.send(socket, ServerFrame.refused(ref, e));
            return e.kind() != Refusal.Kind.UNAVAILABLE;
        } catch (RuntimeException e) {
            if (Outages.isOutage(e)) {
                LOG.log(Level.WARNING, "WebSocket frame failed for want of the database: {0}", Outages.describe(e));
                push.send(socket, ServerFrame.unavailable(ref, Outages.RETRY_AFTER_SECONDS));
            } else {
                LOG.log(Level.ERROR, "WebSocket frame failed", e);
                push.send(socket, ServerFrame.error(ref, "internal", "The server failed; please try again."));
            }
        }
        return false;
    }

    /** For the {@code default} branch of an endpoint's dispatch. */
    public FrameException unknown(ClientFrame frame) {
        return new FrameException("unknown_type", "Unknown frame type: " + frame.type(), frame.ref());
    }

    /** Answers a frame that asked for it (it has a {@code ref}). */
    public void acknowledge(Session socket, ClientFrame frame, Object data) {
        if (frame.ref() != null) {
            push.send(socket, ServerFrame.ack(frame.ref(), data));
        }
    }
}
