package io.parley.settings.entity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * When the desk takes conversations: weekly periods in one time zone (daylight saving included). Off means always
 * open. A period ends before midnight; one that runs through the night is two periods.
 */
public record BusinessHours(boolean enabled, ZoneId zone, List<Period> periods) {

    public boolean isOpenAt(Instant instant) {
        if (!enabled) {
            return true;
        }
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return periods.stream().anyMatch(period -> period.day() == local.getDayOfWeek()
                && !time.isBefore(period.opens()) && time.isBefore(period.closes()));
    }

    /** @throws IllegalArgumentException when the period closes before it opens */
    public record Period(DayOfWeek day, LocalTime opens, LocalTime closes) {

        public Period {
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("A period must close after it opens (" + day + " " + opens + "-" + closes + ")");
            }
        }
    }
}
