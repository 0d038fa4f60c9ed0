package io.parley.settings.boundary;

import io.parley.identity.boundary.Caller;
import io.parley.platform.entity.Refusal;
import io.parley.settings.entity.BusinessHours;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** The desk's settings for admins: business hours and whether the assistant takes conversations back from agents. */
@Path("admin/settings")
@RolesAllowed("admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    static final String TIME = "([01]\\d|2[0-3]):[0-5]\\d|24:00";
    // "24:00" is kept as the day's last second: a TIME column and LocalTime both stop short of midnight
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    @Inject
    Settings settings;

    @Inject
    Caller caller;

    @GET
    public SettingsView get() {
        return SettingsView.of(settings.current());
    }

    /** Replaces the settings as a whole; anything invalid changes nothing. */
    @PUT
    public SettingsView change(@NotNull @Valid SettingsView next) {
        return SettingsView.of(settings.change(caller.actor(), next.toSettings()));
    }

    /** {@code requestsBeforeMessage}: whether visitors may ask for a person before writing anything; absent keeps it as it is. */
    public record SettingsView(@NotNull Boolean aiResumesAfterAgent, Boolean requestsBeforeMessage, @NotNull @Valid Hours businessHours) {

        static SettingsView of(Settings.Current current) {
            BusinessHours hours = current.businessHours();
            return new SettingsView(current.aiResumesAfterAgent(), current.requestsBeforeMessage(), new Hours(hours.enabled(),
                    hours.zone().getId(), hours.periods().stream().map(Period::of).toList()));
        }

        Settings.Current toSettings() {
            return new Settings.Current(aiResumesAfterAgent, requestsBeforeMessage, businessHours.toBusinessHours());
        }
    }

    /** {@code timeZone} is an IANA name such as {@code Europe/Berlin}; {@code periods} are weekly, local time. */
    public record Hours(@NotNull Boolean enabled, @NotBlank @Size(max = 64) String timeZone, @NotNull @Size(max = 70) List<@NotNull @Valid Period> periods) {

        BusinessHours toBusinessHours() {
            try {
                return new BusinessHours(enabled, ZoneId.of(timeZone), periods.stream().map(Period::toPeriod).toList());
            } catch (DateTimeException | IllegalArgumentException e) {
                throw new Refusal(Refusal.Kind.INVALID, e.getMessage());
            }
        }
    }

    /** {@code day}: monday ... sunday; {@code opens} and {@code closes}: HH:mm, with 24:00 for the end of the day. */
    public record Period(@NotNull @Pattern(regexp = "(?i)monday|tuesday|wednesday|thursday|friday|saturday|sunday") String day,
                         @NotNull @Pattern(regexp = TIME) String opens, @NotNull @Pattern(regexp = TIME) String closes) {

        static Period of(BusinessHours.Period period) {
            return new Period(period.day().name().toLowerCase(Locale.ROOT), period.opens().toString(),
                    period.closes().equals(END_OF_DAY) ? "24:00" : period.closes().toString());
        }

        BusinessHours.Period toPeriod() {
            return new BusinessHours.Period(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)), time(opens), time(closes));
        }

        private static LocalTime time(String text) {
            return text.equals("24:00") ? END_OF_DAY : LocalTime.parse(text);
        }
    }
}
