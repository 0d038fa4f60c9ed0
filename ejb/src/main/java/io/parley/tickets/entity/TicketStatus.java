package io.parley.tickets.entity;

import io.parley.platform.entity.Refusal;
import io.parley.platform.entity.WireNames;

/** Where a ticket is: {@code OPEN} until someone answered it; then {@code ANSWERED}, and {@code CLOSED} when done. */
public enum TicketStatus {
    OPEN,
    ANSWERED,
    CLOSED;

    public String wireName() {
        return WireNames.of(this);
    }

    /** @throws Refusal (invalid) naming the unknown status */
    public static TicketStatus fromWire(String name) {
        return WireNames.parse(TicketStatus.class, name, "status");
    }
}
