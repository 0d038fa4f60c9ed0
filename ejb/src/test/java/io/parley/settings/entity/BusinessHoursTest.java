package io.parley.settings.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.settings.entity.BusinessHours.ClosedDay;
import io.parley.settings.entity.BusinessHours.Period;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<Period> WEEKDAY_MORNINGS = List.of(
            new Period(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
            new Period(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)));

    @Test
    void openInsideAPeriodInTheDesksOwnTimeZoneAndClosedOutside() {
        BusinessHours hours = new BusinessHours(true, BERLIN, WEEKDAY_MORNINGS, List.of());
        // Monday 2026-11-30: 09:00 in Berlin is 08:00 UTC (winter time)
        assertThat(hours.isOpenAt(Instant.parse("2026-11-30T08:00:00Z"))).isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-11-30T07:59:59Z"))).isFalse();
        assertThat(hours.isOpenAt(Instant.parse("2026-11-30T10:59:59Z"))).isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-11-30T11:00:00Z"))).as("closing time is closed").isFalse();
        assertThat(hours.isOpenAt(Instant.parse("2026-12-01T09:00:00Z"))).as("Tuesday has no period").isFalse();
    }

    @Test
    void daylightSavingMovesTheHoursWithTheClock() {
        BusinessHours hours = new BusinessHours(true, BERLIN, WEEKDAY_MORNINGS, List.of());
        // Friday 2026-07-03: 09:00 in Berlin is 07:00 UTC (summer time)
        assertThat(hours.isOpenAt(Instant.parse("2026-07-03T07:00:00Z"))).isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-07-03T10:00:00Z"))).isFalse();
    }

    @Test
    void aClosedDateIsClosedAllDayInTheDesksTimeZone() {
        BusinessHours hours = new BusinessHours(true, BERLIN, WEEKDAY_MORNINGS,
                List.of(new ClosedDay(LocalDate.of(2026, 12, 25), "Christmas Day")));
        // Friday 2026-12-25, 10:00 in Berlin: a morning the weekly hours keep open
        assertThat(hours.isOpenAt(Instant.parse("2026-12-25T09:00:00Z"))).isFalse();
        assertThat(hours.closedOn(LocalDate.of(2026, 12, 25))).map(ClosedDay::name).contains("Christmas Day");
        // the Friday before is open as usual
        assertThat(hours.isOpenAt(Instant.parse("2026-12-18T09:00:00Z"))).isTrue();
    }

    @Test
    void switchedOffMeansAlwaysOpen() {
        assertThat(new BusinessHours(false, BERLIN, List.of(), List.of()).isOpenAt(Instant.parse("2026-12-06T03:00:00Z"))).isTrue();
        assertThat(new BusinessHours(true, BERLIN, List.of(), List.of()).isOpenAt(Instant.parse("2026-12-06T03:00:00Z"))).isFalse();
    }

    @Test
    void aPeriodMustCloseAfterItOpens() {
        assertThatThrownBy(() -> new Period(DayOfWeek.MONDAY, LocalTime.of(18, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("close after it opens");
        assertThatThrownBy(() -> new Period(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
