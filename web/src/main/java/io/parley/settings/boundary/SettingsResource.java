package io.parley.settings.boundary;

import io.parley.identity.boundary.Caller;
import io.parley.platform.entity.Refusal;
import io.parley.settings.entity.BusinessHours;
import io.parley.settings.entity.RoutingRules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The desk's settings for admins: routing, business hours with their closed dates, what a visitor is told outside
 * them, and whether the assistant takes conversations back from agents. The answer also says whether the desk is open
 * now.
 */
@Path("admin/settings")
@RolesAllowed("admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    static final int MAX_MESSAGE_LENGTH = 2000;
    static final int MAX_CLOSED_DATES = 400;
    static final String TIME = "([01]\\d|2[0-3]):[0-5]\\d|24:00";
    // "24:00" is kept as the day's last second: a TIME column and LocalTime both stop short of midnight
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    @Inject
    Settings settings;

    @Inject
    Caller caller;

    @GET
    public SettingsView get() {
        return view(settings.current());
    }

    /** Replaces the settings as a whole (the parts a {@link SettingsView} says may be absent stay as they are); anything invalid changes nothing. */
    @PUT
    public SettingsView change(@NotNull @Valid SettingsView next) {
        return view(settings.change(caller.actor(), next.toSettings()));
    }

    private SettingsView view(Settings.Current current) {
        BusinessHours hours = current.businessHours();
        Instant now = Instant.now();
        Optional<String> closedToday = hours.enabled()
                ? hours.closedOn(now.atZone(hours.zone()).toLocalDate()).map(BusinessHours.ClosedDay::name) : Optional.empty();
        return new SettingsView(current.aiResumesAfterAgent(), current.requestsBeforeMessage(), new Hours(hours.enabled(),
                hours.zone().getId(), hours.periods().stream().map(Period::of).toList(),
                hours.closedDays().stream().map(ClosedDate::of).toList()), RoutingView.of(current.routing()),
                current.closedMessage(), new Now(hours.isOpenAt(now), closedToday.orElse(null)));
    }

    /**
     * {@code requestsBeforeMessage}: whether visitors may ask for a person before writing anything; {@code routing}: how
     * conversations are handed out; {@code closedMessage}: what a visitor is told outside business hours. Each of the
     * three absent in a change keeps it as it is. {@code now} is only answered: whether the desk is open at this moment
     * by these settings, and the closed date that makes it closed today, if one does.
     */
    public record SettingsView(@NotNull Boolean aiResumesAfterAgent, Boolean requestsBeforeMessage, @NotNull @Valid Hours businessHours,
                               @Valid RoutingView routing, @Size(max = MAX_MESSAGE_LENGTH) @Pattern(regexp = "(?s).*\\S.*", message = "must say something") String closedMessage, Now now) {

        Settings.Current toSettings() {
            return new Settings.Current(aiResumesAfterAgent, requestsBeforeMessage, businessHours.toBusinessHours(),
                    routing == null ? null : routing.toRules(), closedMessage == null ? null : closedMessage.strip());
        }
    }

    /** Whether the desk is open at this moment, and the name of today's closed date when that is why it is not. */
    public record Now(boolean open, String closedDate) {
    }

    /**
     * {@code strategy}: least-loaded or round-robin; {@code defaultCapacity}: conversations at once for an agent who has
     * not chosen; {@code countdownSeconds}: how long a visitor waits for a person; {@code acceptanceSeconds}: how long an
     * agent has to take up a conversation given to them.
     */
    public record RoutingView(@NotNull @Pattern(regexp = "least-loaded|round-robin", message = "must be least-loaded or round-robin") String strategy,
                              @NotNull @Min(1) @Max(RoutingRules.MAX_CAPACITY) Integer defaultCapacity,
                              @NotNull @Min(RoutingRules.MIN_SECONDS) @Max(RoutingRules.MAX_SECONDS) Integer countdownSeconds,
                              @NotNull @Min(RoutingRules.MIN_SECONDS) @Max(RoutingRules.MAX_SECONDS) Integer acceptanceSeconds) {

        static RoutingView of(RoutingRules rules) {
            return new RoutingView(rules.strategy(), rules.defaultCapacity(), rules.countdownSeconds(), rules.acceptanceSeconds());
        }

        RoutingRules toRules() {
            return new RoutingRules(strategy, defaultCapacity, countdownSeconds, acceptanceSeconds);
        }
    }

    /**
     * {@code timeZone} is an IANA name such as {@code Europe/Berlin}; {@code periods} are weekly, local time;
     * {@code closedDates} are days closed all day (absent in a change: as they are).
     */
    public record Hours(@NotNull Boolean enabled, @NotBlank @Size(max = 64) String timeZone, @NotNull @Size(max = 70) List<@NotNull @Valid Period> periods,
                        @Size(max = MAX_CLOSED_DATES) List<@NotNull @Valid ClosedDate> closedDates) {

        BusinessHours toBusinessHours() {
            if (closedDates != null && closedDates.stream().map(ClosedDate::date).distinct().count() < closedDates.size()) {
                throw new Refusal(Refusal.Kind.INVALID, "A date can be closed only once");
            }
            try {
                return new BusinessHours(enabled, ZoneId.of(timeZone), periods.stream().map(Period::toPeriod).toList(),
                        closedDates == null ? null : closedDates.stream().map(ClosedDate::toClosedDay).toList());
            } catch (DateTimeException | IllegalArgumentException e) {
                throw new Refusal(Refusal.Kind.INVALID, e.getMessage());
            }
        }
    }

    /** {@code date}: yyyy-MM-dd in the desk's time zone; {@code name}: what the day is ("Christmas Day"). */
    public record ClosedDate(@NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date as yyyy-MM-dd") String date,
                             @NotBlank @Size(max = io.parley.settings.entity.ClosedDate.MAX_NAME_LENGTH) String name) {

        static ClosedDate of(BusinessHours.ClosedDay day) {
            return new ClosedDate(day.date().toString(), day.name());
        }

        BusinessHours.ClosedDay toClosedDay() {
            return new BusinessHours.ClosedDay(LocalDate.parse(date), name.strip());
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
