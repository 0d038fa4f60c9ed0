package io.parley.push.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.parley.conversations.boundary.WireMessage;
import io.parley.platform.control.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
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

    private final Subscriptions visitors = new Subscriptions("parley.push.visitor");
    private final Subscriptions watchers = new Subscriptions("parley.push.watcher");
    private final Subscriptions people = new Subscriptions("parley.push.person");
    private final Set<Session> feed = ConcurrentHashMap.newKeySet();

    /** A frame to one socket: answers, acks and errors. */
    public void send(Session socket, ServerFrame frame) {
        deliver(socket, serialise(frame));
    }

    /** The visitor's socket now follows {@code sessionId} (and no longer any other session). */
    public void followAsVisitor(String sessionId, Session socket) {
        visitors.removeAll(socket);
        visitors.add(sessionId, socket);
    }

    /** An agent's socket receives the events of {@code sessionId}. */
    public void followAsAgent(String sessionId, Session socket) {
        watchers.add(sessionId, socket);
    }

    /** An agent's socket receives what a live inbox needs: every session's changes and messages. */
    public void followFeed(Session socket) {
        feed.add(socket);
    }

    /** A signed-in person's socket, for what is meant for them alone (an assignment, a notification). */
    public void followAsUser(String userId, Session socket) {
        people.add(userId, socket);
    }

    public void forget(Session socket) {
        visitors.removeAll(socket);
        watchers.removeAll(socket);
        people.removeAll(socket);
        feed.remove(socket);
    }

    public void toUser(String userId, ServerFrame frame) {
        deliver(people.of(userId), frame);
    }

    /**
     * A stored notice of the session: to its visitor as {@code system_message {message, ...details}} (what it offers,
     * why), to the agents as the {@code new_message} it is in the transcript.
     */
    public void notice(WireMessage message, Map<String, ?> details) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("message", message);
        shown.putAll(details);
        toVisitor(message.sessionId(), ServerFrame.event("system_message", shown));
        toAgents(message.sessionId(), ServerFrame.event("new_message", Map.of("message", message)));
    }

    public void toVisitor(String sessionId, ServerFrame frame) {
        deliver(visitors.of(sessionId), frame);
    }

    /** To every agent socket that follows the session or the feed, once each. */
    public void toAgents(String sessionId, ServerFrame frame) {
        Set<Session> watching = watchers.of(sessionId);
        if (watching.isEmpty()) {
            deliver(feed, frame);
            return;
        }
        Set<Session> agents = new LinkedHashSet<>(watching);
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
        Thread thread = Thread.currentThread();
        ClassLoader application = thread.getContextClassLoader();
        // Payara's Tyrus reschedules the socket's idle timer on every send, under the socket's lock, through the managed
        // executor, whose context capture runs a ServiceLoader scan of the thread's context class loader each time: over
        // the application's jars that scan is slow and serialises every sender on the jar files' locks. The JDK's own
        // loader finds nothing to scan; the timer task that captures it does nothing with it.
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            socket.getAsyncRemote().sendText(text, result -> {
                pending.decrementAndGet();
                if (!result.isOK()) {
                    LOG.log(Level.DEBUG, "Socket {0} is gone: {1}", socket.getId(), String.valueOf(result.getException()));
                    withClassLoader(application, () -> close(socket, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "send failed")));
                }
            });
        } catch (RuntimeException closedMeanwhile) {
            // Tyrus throws a plain RuntimeException ("Socket is not connected") for a connection that just went away
            pending.decrementAndGet();
            forget(socket);
        } finally {
            thread.setContextClassLoader(application);
        }
    }

    private static void withClassLoader(ClassLoader loader, Runnable action) {
        Thread thread = Thread.currentThread();
        ClassLoader current = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            action.run();
        } finally {
            thread.setContextClassLoader(current);
        }
    }

    private static String serialise(ServerFrame frame) {
        try {
            return Json.mapper().writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Frames are made of plain values", e);
        }
    }

    /**
     * Which sockets follow which key (a session, a person). Each socket also remembers its own keys, so forgetting a
     * socket touches only its entries rather than every session of the node; emptied keys are dropped atomically.
     */
    private static final class Subscriptions {

        private final Map<String, Set<Session>> byKey = new ConcurrentHashMap<>();
        private final String property;

        Subscriptions(String property) {
            this.property = property;
        }

        void add(String key, Session socket) {
            byKey.compute(key, (k, sockets) -> {
                Set<Session> following = sockets != null ? sockets : ConcurrentHashMap.newKeySet();
                following.add(socket);
                return following;
            });
            keysOf(socket).add(key);
        }

        void removeAll(Session socket) {
            Set<String> keys = keysOf(socket);
            for (String key : keys) {
                byKey.computeIfPresent(key, (k, sockets) -> {
                    sockets.remove(socket);
                    return sockets.isEmpty() ? null : sockets;
                });
            }
            keys.clear();
        }

        Set<Session> of(String key) {
            return byKey.getOrDefault(key, Set.of());
        }

        @SuppressWarnings("unchecked")
        private Set<String> keysOf(Session socket) {
            return (Set<String>) socket.getUserProperties().computeIfAbsent(property, p -> ConcurrentHashMap.newKeySet());
        }
    }
}
