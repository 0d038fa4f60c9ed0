package io.parley.platform.entity;

import java.time.Instant;
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

    /** A stored time as the instant it stands for: what every API shows (ISO-8601 with {@code Z}). */
    public static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    public static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
