package io.parley.settings.entity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * When the desk takes conversations: weekly periods in one time zone (daylight saving included), except on its closed
 * dates (holidays), which are closed all day. Off means always open. A period ends before midnight; one that runs
 * through the night is two periods.
 */
public record BusinessHours(boolean enabled, ZoneId zone, List<Period> periods, List<ClosedDay> closedDays) {

    public boolean isOpenAt(Instant instant) {
        if (!enabled) {
            return true;
        }
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return closedOn(local.toLocalDate()).isEmpty() && periods.stream().anyMatch(period -> period.day() == local.getDayOfWeek()
                && !time.isBefore(period.opens()) && time.isBefore(period.closes()));
    }

    /** The closed date that falls on {@code date} in the desk's time zone, if one does. */
    public Optional<ClosedDay> closedOn(LocalDate date) {
        return closedDays.stream().filter(day -> day.date().equals(date)).findFirst();
    }

    /** A day the desk is closed all day, with the name people know it by ("Christmas Day"). */
    public record ClosedDay(LocalDate date, String name) {
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
