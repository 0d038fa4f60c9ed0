package io.parley.chat.boundary;

import io.parley.push.boundary.FrameReader;
import io.parley.platform.boundary.VisitorOrigins;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The visitor's WebSocket; what its frames do is {@link VisitorChannel}'s. Only pages of the sites allowed to embed the
 * widget may connect ({@link VisitorOrigins}).
 * <p>
 * One instance per connection, and every idle visitor holds one: it has a single injection point, because Tyrus has
 * Weld build each instance's injection points anew (a copy of each field's metadata per connection; with ten fields
 * that was ~3 KB of every idle connection's heap, bench/README.md).
 */
@ServerEndpoint(value = "/ws/chat", configurator = VisitorOrigins.class)
public class ChatEndpoint {

    @Inject
    VisitorChannel channel;

    @OnOpen
    public void onOpen(Session socket) {
        channel.opened(socket);
    }

    @OnMessage(maxMessageSize = FrameReader.HARD_LIMIT_BYTES)
    public void onMessage(Session socket, String raw) {
        channel.receive(socket, raw);
    }

    @OnClose
    public void onClose(Session socket) {
        channel.closed(socket);
    }

    @OnError
    public void onError(Session socket, Throwable error) {
        channel.failed(socket, error);
    }
}
