package io.parley.platform.control;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one way Parley reads the time for storage: UTC, millisecond precision (what a DATETIME(3) column holds).
 * Stored as {@link LocalDateTime} because EclipseLink 4 writes {@code Instant} as a blob.
 */
public final class UtcClock {

    private UtcClock() {
    }

    public static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
