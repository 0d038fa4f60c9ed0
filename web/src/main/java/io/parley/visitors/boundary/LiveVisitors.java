package io.parley.visitors.boundary;

import io.parley.push.boundary.Push;
import io.parley.push.boundary.ServerFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The visitors connected to this node, with the page they are on; the admin feed hears of every change as
 * {@code live_visitors_update}. Kept in memory: a visitor is live exactly as long as their socket is open.
 */
@ApplicationScoped
public class LiveVisitors {

    @Inject
    Push push;

    private static final String VISITOR_ID = "parley.visitors.id";

    private final Map<String, Visitor> visitors = new ConcurrentHashMap<>();

    /** Registers the socket's visitor (again, with the new page, if it joined before) and returns its id. */
    public String join(Session socket, String page, String referrer) {
        String id = (String) socket.getUserProperties().computeIfAbsent(VISITOR_ID, key -> UUID.randomUUID().toString());
        visitors.put(id, new Visitor(id, page, referrer, Instant.now(), socket));
        announce();
        return id;
    }

    /** Called for every visitor socket that closes; only one that joined changes anything. */
    public void leave(Session socket) {
        Object id = socket.getUserProperties().get(VISITOR_ID);
        if (id != null && visitors.remove(id) != null) {
            announce();
        }
    }

    /** The visitor, if still connected: what agents see of them, and their socket. */
    public Optional<Present> find(String visitorId) {
        return Optional.ofNullable(visitors.get(visitorId)).filter(visitor -> visitor.socket().isOpen())
                .map(visitor -> new Present(visitor.view(), visitor.socket()));
    }

    public List<View> now() {
        return visitors.values().stream().sorted(Comparator.comparing(Visitor::since))
                .map(Visitor::view).toList();
    }

    private void announce() {
        push.toFeed(ServerFrame.event("live_visitors_update", Map.of("visitors", now())));
    }

    private record Visitor(String id, String page, String referrer, Instant since, Session socket) {
        View view() {
            return new View(id, page, referrer, since);
        }
    }

    /** A connected visitor and their socket. */
    public record Present(View view, Session socket) {
    }

    /** A live visitor as agents see them. */
    public record View(String visitorId, String page, String referrer, Instant since) {
    }
}
