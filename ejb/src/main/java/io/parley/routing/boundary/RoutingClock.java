package io.parley.routing.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The routing's two clocks, every five seconds: assignments nobody took up move on, and visitors whose countdown ran
 * out get the assistant back and the offline form offered. Each session's step commits on its own (and is announced
 * then). Every node of a cluster runs it; the row locks in {@link Routing} make that harmless.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RoutingClock {

    @EJB
    Routing routing;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    public void tick() {
        routing.unaccepted().forEach(routing::lapse);
        routing.waitedTooLong().forEach(routing::stopWaiting);
    }
}
