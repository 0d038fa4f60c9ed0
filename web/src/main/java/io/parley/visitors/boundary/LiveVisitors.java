package io.parley.visitors.boundary;

import io.parley.visitors.entity.LiveVisitor;
import io.parley.visitors.entity.LiveVisitorsChanged;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The visitors connected to this node, with the page they are on. Kept in memory: a visitor is live exactly as long as
 * their socket is open. What changes is announced as deltas ({@link LiveVisitorsChanged}), coalesced over
 * {@value #ANNOUNCE_EVERY_MILLIS} ms, so that a busy site costs the inbox one frame a second rather than one per visitor
 * and never the whole list again.
 */
@ApplicationScoped
public class LiveVisitors {

    static final long ANNOUNCE_EVERY_MILLIS = 1_000;
    private static final String VISITOR_ID = "parley.visitors.id";

    @Inject
    Event<LiveVisitorsChanged> changed;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, Visitor> visitors = new ConcurrentHashMap<>();
    /** What changed since the last announcement, by visitor id, in the order it happened. */
    private final Map<String, Change> unannounced = new LinkedHashMap<>();
    private ScheduledFuture<?> announcer;

    @PostConstruct
    void start() {
        announcer = scheduler.scheduleWithFixedDelay(this::announce, ANNOUNCE_EVERY_MILLIS, ANNOUNCE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        announcer.cancel(false);
    }

    /**
     * Registers the socket's visitor and returns their id; a socket announces its visitor once, and announcing again
     * moves them to the new page (they keep the time they arrived).
     */
    public String join(Session socket, String page, String referrer, boolean returning) {
        String id = (String) socket.getUserProperties().computeIfAbsent(VISITOR_ID, key -> UUID.randomUUID().toString());
        Visitor before = visitors.get(id);
        Instant since = before == null ? Instant.now() : before.view().since();
        visitors.put(id, new Visitor(LiveVisitor.of(id, page, referrer, since, returning), page, referrer, socket));
        record(id, before == null ? Change.JOINED : Change.CHANGED);
        return id;
    }

    /** Called for every visitor socket that closes; only one that joined changes anything. */
    public void leave(Session socket) {
        if (socket.getUserProperties().get(VISITOR_ID) instanceof String visitorId && visitors.remove(visitorId) != null) {
            record(visitorId, Change.LEFT);
        }
    }

    /** The visitor, if still connected: what agents see of them, and their socket. */
    public Optional<Present> find(String visitorId) {
        return Optional.ofNullable(visitors.get(visitorId)).filter(visitor -> visitor.socket().isOpen())
                .map(visitor -> new Present(visitor.view().visitorId(), visitor.page(), visitor.referrer(), visitor.socket()));
    }

    /** Everyone on the sites now, longest first: what an inbox starts from. */
    public List<LiveVisitor> now() {
        return visitors.values().stream().map(Visitor::view).sorted(Comparator.comparing(LiveVisitor::since)).toList();
    }

    private synchronized void record(String visitorId, Change change) {
        Change earlier = unannounced.remove(visitorId);
        Change merged = earlier == null ? change : earlier.then(change);
        if (merged != null) {
            unannounced.put(visitorId, merged);
        }
    }

    /** Announces what changed since last time, if anything did. */
    synchronized void announce() {
        if (unannounced.isEmpty()) {
            return;
        }
        List<LiveVisitor> joined = new ArrayList<>();
        List<LiveVisitor> moved = new ArrayList<>();
        List<String> left = new ArrayList<>();
        unannounced.forEach((visitorId, change) -> {
            Visitor visitor = visitors.get(visitorId);
            switch (change) {
                case JOINED -> Optional.ofNullable(visitor).ifPresent(v -> joined.add(v.view()));
                case CHANGED -> Optional.ofNullable(visitor).ifPresent(v -> moved.add(v.view()));
                case LEFT -> left.add(visitorId);
            }
        });
        unannounced.clear();
        changed.fire(new LiveVisitorsChanged(joined, moved, left));
    }

    /** One visitor's change since the last announcement; two in a row make one (or none: came and went). */
    private enum Change {
        JOINED, CHANGED, LEFT;

        Change then(Change next) {
            return switch (this) {
                case JOINED -> next == LEFT ? null : JOINED;
                case CHANGED -> next == LEFT ? LEFT : CHANGED;
                case LEFT -> next == LEFT ? LEFT : CHANGED; // left and came back on the same id: a changed page at most
            };
        }
    }

    /** A visitor as listed, the whole addresses of their page and referrer, and their socket. */
    private record Visitor(LiveVisitor view, String page, String referrer, Session socket) {
    }

    /** A connected visitor: who, where (whole addresses), and their socket. */
    public record Present(String visitorId, String page, String referrer, Session socket) {
    }
}
