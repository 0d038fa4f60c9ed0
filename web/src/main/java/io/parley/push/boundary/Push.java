package io.parley.push.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.parley.platform.control.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one path from the server to connected sockets on this node: who listens to what (a visitor to their session,
 * agents to the sessions they joined and to the admin feed), and the sending itself. Sends are asynchronous, so no
 * request thread waits on a slow client; a client with more than {@value #MAX_PENDING} frames not yet written is
 * disconnected rather than allowed to hold memory without bound. Frames are serialised once, however many receive them.
 */
@ApplicationScoped
public class Push {

    static final int MAX_PENDING = 256;
    static final CloseReason TOO_SLOW = new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow: reconnect and resume");
    private static final Logger LOG = System.getLogger(Push.class.getName());
    private static final String PENDING = "parley.push.pending";

    private final Map<String, Set<Session>> visitors = new ConcurrentHashMap<>();
    private final Map<String, Set<Session>> watchers = new ConcurrentHashMap<>();
    private final Set<Session> feed = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<Session>> people = new ConcurrentHashMap<>();

    /** A frame to one socket: answers, acks and errors. */
    public void send(Session socket, ServerFrame frame) {
        deliver(socket, serialise(frame));
    }

    /** The visitor's socket now follows {@code sessionId} (and no longer any other session). */
    public void followAsVisitor(String sessionId, Session socket) {
        visitors.values().forEach(sockets -> sockets.remove(socket));
        visitors.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    /** An agent's socket receives the events of {@code sessionId}. */
    public void followAsAgent(String sessionId, Session socket) {
        watchers.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    /** An agent's socket receives what a live inbox needs: every session's changes and messages. */
    public void followFeed(Session socket) {
        feed.add(socket);
    }

    /** A signed-in person's socket, for what is meant for them alone (an assignment, a notification). */
    public void followAsUser(String userId, Session socket) {
        people.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    public void toUser(String userId, ServerFrame frame) {
        deliver(people.getOrDefault(userId, Set.of()), frame);
    }

    public void forget(Session socket) {
        people.values().forEach(sockets -> sockets.remove(socket));
        people.values().removeIf(Set::isEmpty);
        visitors.values().forEach(sockets -> sockets.remove(socket));
        watchers.values().forEach(sockets -> sockets.remove(socket));
        feed.remove(socket);
        visitors.values().removeIf(Set::isEmpty);
        watchers.values().removeIf(Set::isEmpty);
    }

    public void toVisitor(String sessionId, ServerFrame frame) {
        deliver(visitors.getOrDefault(sessionId, Set.of()), frame);
    }

    /** To every agent socket that follows the session or the feed, once each. */
    public void toAgents(String sessionId, ServerFrame frame) {
        Set<Session> agents = new LinkedHashSet<>(watchers.getOrDefault(sessionId, Set.of()));
        agents.addAll(feed);
        deliver(agents, frame);
    }

    /** To every agent socket that follows the admin feed. */
    public void toFeed(ServerFrame frame) {
        deliver(feed, frame);
    }

    public void close(Session socket, CloseReason reason) {
        forget(socket);
        try {
            socket.close(reason);
        } catch (IOException ignored) {
            // the connection is already gone; nothing is left to release
        }
    }

    private void deliver(Set<Session> sockets, ServerFrame frame) {
        if (!sockets.isEmpty()) {
            String text = serialise(frame);
            sockets.forEach(socket -> deliver(socket, text));
        }
    }

    private void deliver(Session socket, String text) {
        if (!socket.isOpen()) {
            forget(socket);
            return;
        }
        AtomicInteger pending = (AtomicInteger) socket.getUserProperties().computeIfAbsent(PENDING, key -> new AtomicInteger());
        if (pending.incrementAndGet() > MAX_PENDING) {
            LOG.log(Level.INFO, "Socket {0} cannot keep up ({1} frames waiting): disconnected", socket.getId(), MAX_PENDING);
            close(socket, TOO_SLOW);
            return;
        }
        try {
            socket.getAsyncRemote().sendText(text, result -> {
                pending.decrementAndGet();
                if (!result.isOK()) {
                    LOG.log(Level.DEBUG, "Socket {0} is gone: {1}", socket.getId(), String.valueOf(result.getException()));
                    close(socket, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "send failed"));
                }
            });
        } catch (RuntimeException closedMeanwhile) {
            // Tyrus throws a plain RuntimeException ("Socket is not connected") for a connection that just went away
            pending.decrementAndGet();
            forget(socket);
        }
    }

    private static String serialise(ServerFrame frame) {
        try {
            return Json.mapper().writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Frames are made of plain values", e);
        }
    }
}
