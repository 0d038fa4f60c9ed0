package io.parley.platform.boundary;

import io.parley.platform.entity.Refusal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Query parameters every list endpoint reads the same way. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** An ISO-8601 instant ({@code 2026-11-24T00:00:00Z}) as a stored UTC time; absent or blank is null. */
    public static LocalDateTime utc(String name, String instant) {
        if (instant == null || instant.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Refusal(Refusal.Kind.INVALID, name + " must be an ISO-8601 instant such as 2026-11-24T00:00:00Z");
        }
    }
}
