package io.parley.visitors.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.parley.visitors.entity.LiveVisitor;
import io.parley.visitors.entity.LiveVisitorsChanged;
import jakarta.enterprise.event.Event;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the inbox is told of visitors coming and going: deltas, coalesced between two announcements (the timer is not
 * started here; each test announces by hand). Sockets and the event are stand-ins: only their user properties and what
 * is fired matter.
 */
class LiveVisitorsTest {

    private final List<LiveVisitorsChanged> announced = new ArrayList<>();
    private LiveVisitors visitors;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        visitors = new LiveVisitors();
        visitors.changed = (Event<LiveVisitorsChanged>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Event.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("fire")) {
                        announced.add((LiveVisitorsChanged) args[0]);
                    }
                    return null;
                });
    }

    @Test
    void aVisitorWhoArrivesIsAnnouncedOnceWithTheListsCutOfTheirAddresses() {
        String id = visitors.join(socket(), "https://shop.example/" + "a".repeat(1_000), "https://search.example", true);
        visitors.announce();
        visitors.announce();
        assertThat(announced).hasSize(1);
        LiveVisitor joined = announced.get(0).joined().get(0);
        assertThat(joined.visitorId()).isEqualTo(id);
        assertThat(joined.returning()).as("their browser had the widget before").isTrue();
        assertThat(joined.page()).hasSize(LiveVisitor.MAX_ADDRESS_LENGTH).startsWith("https://shop.example/aaa").endsWith("…");
        assertThat(visitors.find(id).orElseThrow().page()).as("a chat an agent starts keeps the whole address").hasSize(1_021);
    }

    @Test
    void changesBetweenTwoAnnouncementsMakeOne() {
        Session ann = socket();
        Session ben = socket();
        Session cy = socket();
        String annId = visitors.join(ann, "https://shop.example/1", null, false);
        String benId = visitors.join(ben, "https://shop.example/1", null, false);
        visitors.announce();

        visitors.join(ann, "https://shop.example/2", null, false);
        visitors.join(ann, "https://shop.example/3", null, false);
        visitors.leave(ben);
        String cyId = visitors.join(cy, "https://shop.example/1", null, false);
        visitors.join(cy, "https://shop.example/2", null, false);
        visitors.announce();

        LiveVisitorsChanged second = announced.get(1);
        assertThat(second.changed()).extracting(LiveVisitor::visitorId, LiveVisitor::page).containsExactly(
                tuple(annId, "https://shop.example/3"));
        assertThat(second.changed().get(0).since()).as("a new page keeps the time they arrived")
                .isEqualTo(announced.get(0).joined().stream().filter(v -> v.visitorId().equals(annId)).findFirst().orElseThrow().since());
        assertThat(second.left()).containsExactly(benId);
        assertThat(second.joined()).as("arrived and moved on since: arrived, where they are now")
                .extracting(LiveVisitor::visitorId, LiveVisitor::page).containsExactly(tuple(cyId, "https://shop.example/2"));
    }

    @Test
    void aVisitorWhoCameAndWentBetweenTwoAnnouncementsIsNotAnnounced() {
        Session passing = socket();
        visitors.join(passing, "https://shop.example/", null, false);
        visitors.leave(passing);
        visitors.announce();
        assertThat(announced).isEmpty();
        assertThat(visitors.now()).isEmpty();
    }

    private static Session socket() {
        Map<String, Object> properties = new HashMap<>();
        return (Session) Proxy.newProxyInstance(LiveVisitorsTest.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getUserProperties" -> properties;
                    case "isOpen" -> true;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
