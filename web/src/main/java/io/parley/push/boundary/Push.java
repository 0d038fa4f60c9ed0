package io.parley.push.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.parley.conversations.entity.ChatSession;
import io.parley.platform.entity.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one path from the server to connected sockets on this node: who listens to what (a visitor to their session,
 * agents to the sessions they joined, to the inbox feed and to what is meant for them alone), who may receive what, and
 * the sending itself. An agent receives the events of a session only while they may see it — an admin every session,
 * an agent the unassigned ones and their own, the rule of the inbox ({@code Desk}) — and is told when a session they
 * followed goes to someone else ({@code session_hidden}), after which they no longer follow it.
 * <p>
 * Sends are asynchronous, so no request thread waits on a slow client; a client with more than {@value #MAX_PENDING}
 * frames not yet written is disconnected rather than allowed to hold memory without bound. Frames are serialised once,
 * however many receive them. A socket's events can be held while its own request is handled ({@link #holding}), so that
 * what the request causes on other threads reaches the client after the request's answer. What is sent when is
 * {@link EventFrames}'s; what a frame holds is {@link Frames}'s.
 */
@ApplicationScoped
public class Push {

    static final int MAX_PENDING = 256;
    /** The close code of a console socket whose person may no longer use it (signed out, revoked, expired). */
    public static final int UNAUTHORIZED = 4401;
    static final CloseReason TOO_SLOW = new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow: reconnect and resume");
    private static final Logger LOG = System.getLogger(Push.class.getName());
    private static final String OUTBOX = "parley.push.outbox";
    private static final String VIEWER = "parley.push.viewer";

    private final Subscriptions visitors = new Subscriptions("parley.push.visitor");
    private final Subscriptions watchers = new Subscriptions("parley.push.watcher");
    private final Subscriptions people = new Subscriptions("parley.push.person");
    private final Set<Session> feed = ConcurrentHashMap.newKeySet();

    /** A frame to one socket: answers, acks and errors (never held). */
    public void send(Session socket, ServerFrame frame) {
        deliver(socket, serialise(frame), false);
    }

    /**
     * Runs {@code request} with the socket's events held, then sends them, in order: events that the request causes on
     * other threads (the assistant's answer to a visitor's message) come after the answer the request sends itself (its
     * {@code ack}), as the protocol promises. Events still come in the order they were sent.
     */
    public void holding(Session socket, Runnable request) {
        Outbox outbox = outboxOf(socket);
        outbox.hold();
        try {
            request.run();
        } finally {
            outbox.release(text -> deliver(socket, text, false));
        }
    }

    /** The visitor's socket now follows {@code sessionId} (and no longer any other session). */
    public void followAsVisitor(String sessionId, Session socket) {
        visitors.removeAll(socket);
        visitors.add(sessionId, socket);
    }

    /**
     * A signed-in person's socket: it may receive what they may see, and what is meant for them alone (an assignment, a
     * notification).
     */
    public void signIn(Session socket, String userId, boolean admin) {
        socket.getUserProperties().put(VIEWER, new Viewer(userId, admin));
        people.add(userId, socket);
    }

    /** A signed-in person's socket receives the events of {@code sessionId} (which they may see: the caller checked). */
    public void followAsAgent(String sessionId, Session socket) {
        watchers.add(sessionId, socket);
    }

    /** A signed-in person's socket receives what a live inbox needs: the events of every session they may see. */
    public void followFeed(Session socket) {
        feed.add(socket);
    }

    public void forget(Session socket) {
        visitors.removeAll(socket);
        watchers.removeAll(socket);
        people.removeAll(socket);
        feed.remove(socket);
    }

    void toUser(String userId, ServerFrame frame) {
        deliver(people.of(userId), frame);
    }

    void toVisitor(String sessionId, ServerFrame frame) {
        deliver(visitors.of(sessionId), frame);
    }

    /** To every agent socket that follows the session or the feed and may see the session now, once each. */
    void toAgents(ChatSession session, ServerFrame frame) {
        deliver(agentsOf(session, true), frame);
    }

    /**
     * A session changed: {@code update} to the agents who may see it now; {@code hidden} to those following it who may
     * not (it went to someone else), who stop following it.
     */
    void toAgents(ChatSession session, ServerFrame update, ServerFrame hidden) {
        deliver(agentsOf(session, true), update);
        Set<Session> barred = agentsOf(session, false);
        barred.forEach(socket -> watchers.remove(session.id(), socket));
        deliver(barred, hidden);
    }

    /** To every agent socket that follows the feed (live visitors: every agent may see them). */
    void toFeed(ServerFrame frame) {
        deliver(feed, frame);
    }

    /** Closes every console socket of the person with {@value #UNAUTHORIZED} and the reason, after telling it why. */
    void revoke(String userId, String reason) {
        List.copyOf(people.of(userId)).forEach(socket -> refuse(socket, reason));
    }

    /** Tells the socket why and closes it with {@value #UNAUTHORIZED}. */
    public void refuse(Session socket, String reason) {
        send(socket, ServerFrame.error(null, "unauthorized", reason));
        close(socket, new CloseReason(CloseReason.CloseCodes.getCloseCode(UNAUTHORIZED), reason));
    }

    private Set<Session> agentsOf(ChatSession session, boolean allowed) {
        Set<Session> watching = watchers.of(session.id());
        Set<Session> agents = new LinkedHashSet<>();
        String owner = session.assignedAgentId();
        for (Set<Session> sockets : List.of(watching, feed)) {
            for (Session socket : sockets) {
                if (maySee(socket, owner) == allowed) {
                    agents.add(socket);
                }
            }
        }
        return agents;
    }

    /** The inbox's rule: an admin sees every session, an agent the unassigned ones and their own. */
    private static boolean maySee(Session socket, String ownerId) {
        return socket.getUserProperties().get(VIEWER) instanceof Viewer viewer
                && (viewer.admin() || ownerId == null || ownerId.equals(viewer.userId()));
    }

    public void close(Session socket, CloseReason reason) {
        forget(socket);
        try {
            socket.close(reason);
        } catch (IOException | IllegalStateException alreadyClosed) {
            // the connection is already gone; nothing is left to release. Tyrus throws IllegalStateException for a socket
            // closed meanwhile: one whose sign-in finished after the browser left still follows its person until now
        }
    }

    private void deliver(Set<Session> sockets, ServerFrame frame) {
        if (!sockets.isEmpty()) {
            String text = serialise(frame);
            sockets.forEach(socket -> deliver(socket, text, true));
        }
    }

    /** @param event whether the frame waits while the socket's events are held */
    private void deliver(Session socket, String text, boolean event) {
        if (!socket.isOpen()) {
            forget(socket);
            return;
        }
        Outbox outbox = outboxOf(socket);
        if (event && outbox.held(text)) {
            return;
        }
        AtomicInteger pending = outbox.pending;
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

    private static Outbox outboxOf(Session socket) {
        return (Outbox) socket.getUserProperties().computeIfAbsent(OUTBOX, key -> new Outbox());
    }

    /**
     * A socket's frames on their way: how many the client has not yet taken ({@link #MAX_PENDING}), and the events held
     * while its request is handled. Releasing sends the held events under the same lock that holding takes, so an event
     * sent meanwhile on another thread cannot overtake them.
     */
    private static final class Outbox {

        final AtomicInteger pending = new AtomicInteger();
        private List<String> held;

        synchronized void hold() {
            held = new ArrayList<>();
        }

        /** Keeps the event if events are held; whether it was kept. */
        synchronized boolean held(String text) {
            if (held == null) {
                return false;
            }
            held.add(text);
            return true;
        }

        synchronized void release(Consumer<String> send) {
            List<String> waiting = held;
            held = null;
            waiting.forEach(send);
        }
    }

    /** Who a console socket belongs to, for the rule of what they may see. */
    private record Viewer(String userId, boolean admin) {
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

        void remove(String key, Session socket) {
            byKey.computeIfPresent(key, (k, sockets) -> {
                sockets.remove(socket);
                return sockets.isEmpty() ? null : sockets;
            });
            keysOf(socket).remove(key);
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
