package io.parley.conversations.boundary;

import io.parley.platform.control.Json;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Sending frames and closing sockets the same way on every endpoint: a socket that fails is closed, never thrown about. */
final class Sockets {

    private static final Logger LOG = System.getLogger(Sockets.class.getName());

    private Sockets() {
    }

    static void send(Session socket, ServerFrame frame) {
        try {
            socket.getBasicRemote().sendText(Json.mapper().writeValueAsString(frame));
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Socket {0} is gone: {1}", socket.getId(), e.toString());
            close(socket, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "send failed"));
        }
    }

    static void close(Session socket, CloseReason reason) {
        try {
            socket.close(reason);
        } catch (IOException ignored) {
            // the connection is already gone; nothing is left to release
        }
    }
}
