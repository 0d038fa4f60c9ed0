package io.parley.settings.boundary;

import io.parley.identity.boundary.AuditLog;
import io.parley.identity.entity.Actor;
import io.parley.settings.entity.BusinessHours;
import io.parley.settings.entity.ClosedDate;
import io.parley.settings.entity.DeskSettings;
import io.parley.settings.entity.OpeningPeriod;
import io.parley.settings.entity.RoutingRules;
import io.parley.platform.control.ImageTypes;
import io.parley.platform.entity.Refusal;
import io.parley.settings.entity.WidgetLogo;
import io.parley.settings.entity.WidgetLook;
import io.parley.settings.entity.WidgetPosition;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The desk's settings: read by routing on every request for a person and by every visitor's widget, changed by admins
 * (and audited).
 */
@Stateless
public class Settings {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "parley.chat.welcome-message")
    String defaultWelcomeMessage;

    @Inject
    @ConfigProperty(name = "parley.chat.closed-message")
    String defaultClosedMessage;

    @Inject
    @ConfigProperty(name = "parley.routing.strategy")
    String configuredStrategy;

    @Inject
    @ConfigProperty(name = "parley.routing.default-capacity")
    int configuredCapacity;

    @Inject
    @ConfigProperty(name = "parley.routing.request-timeout-seconds")
    int configuredCountdownSeconds;

    @Inject
    @ConfigProperty(name = "parley.routing.accept-timeout-seconds")
    int configuredAcceptanceSeconds;

    public Current current() {
        DeskSettings settings = em.find(DeskSettings.class, DeskSettings.ID);
        return new Current(settings.aiResumesAfterAgent(), settings.requestsBeforeMessage(), businessHours(settings),
                routing(settings), closedMessage(settings));
    }

    private BusinessHours businessHours(DeskSettings settings) {
        return new BusinessHours(settings.businessHoursEnabled(), ZoneId.of(settings.timeZone()),
                em.createNamedQuery(OpeningPeriod.ALL, OpeningPeriod.class).getResultStream()
                        .map(period -> new BusinessHours.Period(period.day(), period.opensAt(), period.closesAt()))
                        .toList(),
                em.createNamedQuery(ClosedDate.ALL, ClosedDate.class).getResultStream().map(ClosedDate::toClosedDay).toList());
    }

    /** How routing hands out conversations now: the admin's rules, or as configured. */
    public RoutingRules routing() {
        return routing(em.find(DeskSettings.class, DeskSettings.ID));
    }

    /** What a visitor is told, with the offline form offered, outside business hours: the admin's text, or the configured default. */
    public String closedMessage() {
        return closedMessage(em.find(DeskSettings.class, DeskSettings.ID));
    }

    private RoutingRules routing(DeskSettings settings) {
        return settings.routing(new RoutingRules(configuredStrategy.strip(), configuredCapacity, configuredCountdownSeconds,
                configuredAcceptanceSeconds));
    }

    private String closedMessage(DeskSettings settings) {
        return settings.closedMessage() == null ? defaultClosedMessage : settings.closedMessage();
    }

    /** What the widget shows when a session starts: the admin's text, or the configured default. */
    public String welcomeMessage() {
        String text = em.find(DeskSettings.class, DeskSettings.ID).welcomeMessage();
        return text == null ? defaultWelcomeMessage : text;
    }

    public String changeWelcomeMessage(Actor actor, String text) {
        em.find(DeskSettings.class, DeskSettings.ID).welcomeMessage(text, actor.userId());
        audit.record(actor, "settings.welcome-message", "desk", text.length() + " characters");
        return text;
    }

    /** Whether a visitor may ask for a person before writing anything (by default not: docs/security.md). */
    public boolean requestsBeforeMessage() {
        return em.find(DeskSettings.class, DeskSettings.ID).requestsBeforeMessage();
    }

    /** Always, without business hours (the opening periods are read only when they count). */
    public boolean isOpenNow() {
        DeskSettings settings = em.find(DeskSettings.class, DeskSettings.ID);
        return !settings.businessHoursEnabled() || businessHours(settings).isOpenAt(Instant.now());
    }

    public Look look() {
        WidgetLook look = em.find(WidgetLook.class, WidgetLook.ID);
        return new Look(look.title(), look.color(), look.position(), look.launcherText(), look.logoUrl());
    }

    /**
     * Replaces the widget's look as a whole. Its logo is an uploaded one ({@link #storeLogo}), an image on another web
     * host, or none; the uploaded logos it does not name are removed.
     * @throws Refusal (invalid) naming an uploaded logo that is not stored (any more)
     */
    public Look changeLook(Actor actor, Look next) {
        Optional<String> uploaded = Optional.ofNullable(next.logoUrl()).flatMap(WidgetLogo::idIn);
        if (uploaded.isPresent() && em.find(WidgetLogo.class, uploaded.get()) == null) {
            throw new Refusal(Refusal.Kind.INVALID, "logo_gone", "That logo is no longer stored: upload it again");
        }
        uploaded.map(kept -> em.createNamedQuery(WidgetLogo.DELETE_ALL_BUT).setParameter("kept", kept))
                .orElseGet(() -> em.createNamedQuery(WidgetLogo.DELETE_ALL)).executeUpdate();
        em.find(WidgetLook.class, WidgetLook.ID).change(next.title(), next.color(), next.position(), next.launcherText(),
                next.logoUrl(), actor.userId());
        audit.record(actor, "widget.change", "widget", "title=\"" + next.title() + "\", color=" + next.color()
                + ", position=" + next.position().wireName() + ", launcherText=\"" + next.launcherText() + "\", logoUrl="
                + (next.logoUrl() == null ? "none" : next.logoUrl()));
        return next;
    }

    /**
     * Keeps an image for the widget's logo, to be named in the look by its {@link WidgetLogo#url() url} (the look does
     * not change yet: the admin sees it in the preview first). The same image uploaded again is the same logo.
     * @throws Refusal ({@code not_an_image}) unless the bytes are a PNG, JPEG, GIF or WebP image, whatever they are called
     */
    public WidgetLogo storeLogo(Actor actor, byte[] content) {
        String mediaType = ImageTypes.of(content).orElseThrow(() -> new Refusal(Refusal.Kind.UNSUPPORTED_MEDIA_TYPE, "not_an_image",
                "A logo must be a PNG, JPEG, GIF or WebP image (SVG is not taken: it can carry scripts)"));
        WidgetLogo stored = em.find(WidgetLogo.class, WidgetLogo.idOf(content));
        if (stored != null) {
            return stored;
        }
        WidgetLogo logo = new WidgetLogo(mediaType, content, actor.userId());
        em.persist(logo);
        audit.record(actor, "widget.logo-upload", "widget", logo.url() + " (" + mediaType + ", " + content.length + " bytes)");
        return logo;
    }

    /** @throws Refusal (not found) when there is no such logo (any more) */
    public WidgetLogo logo(String id) {
        WidgetLogo logo = id == null ? null : em.find(WidgetLogo.class, id);
        if (logo == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "There is no logo " + id);
        }
        return logo;
    }

    /** What every visitor's widget asks for when it loads: its look, the welcome message, and whether the desk is open. */
    public ForWidget forWidget() {
        return new ForWidget(look(), welcomeMessage(), isOpenNow());
    }

    /**
     * Replaces the settings; in {@code next}, a null {@code requestsBeforeMessage}, {@code routing},
     * {@code closedMessage} or closed days keeps what is set (clients that do not know them change nothing of them).
     */
    public Current change(Actor actor, Current next) {
        DeskSettings settings = em.find(DeskSettings.class, DeskSettings.ID);
        BusinessHours hours = next.businessHours();
        boolean requestsBeforeMessage = next.requestsBeforeMessage() == null ? settings.requestsBeforeMessage() : next.requestsBeforeMessage();
        settings.change(next.aiResumesAfterAgent(), requestsBeforeMessage, hours.enabled(), hours.zone().getId(), actor.userId());
        // what a change leaves out stays as it is: a rule never set stays the configured one
        if (next.routing() != null) {
            settings.changeRouting(next.routing(), actor.userId());
        }
        if (next.closedMessage() != null) {
            settings.changeClosedMessage(next.closedMessage(), actor.userId());
        }
        em.createNamedQuery(OpeningPeriod.DELETE_ALL).executeUpdate();
        hours.periods().forEach(period -> em.persist(new OpeningPeriod(period.day(), period.opens(), period.closes())));
        if (hours.closedDays() != null) {
            em.createNamedQuery(ClosedDate.DELETE_ALL).executeUpdate();
            hours.closedDays().forEach(day -> em.persist(new ClosedDate(day)));
        }
        Current now = current();
        RoutingRules routing = now.routing();
        audit.record(actor, "settings.change", "desk", "aiResumesAfterAgent=" + next.aiResumesAfterAgent()
                + ", requestsBeforeMessage=" + requestsBeforeMessage + ", routing=" + routing.strategy() + " capacity "
                + routing.defaultCapacity() + " countdown " + routing.countdownSeconds() + " s acceptance "
                + routing.acceptanceSeconds() + " s, closedMessage " + now.closedMessage().length() + " characters, businessHours="
                + (hours.enabled() ? hours.zone() + " " + hours.periods().stream()
                        .map(p -> p.day() + " " + p.opens() + "-" + p.closes()).collect(Collectors.joining(", "))
                        + ", closed " + now.businessHours().closedDays().stream().map(day -> day.date().toString())
                                .collect(Collectors.joining(", ")) : "off"));
        return now;
    }

    /** How the widget looks: its header's title and logo (null for none), its colour, and its launcher. */
    public record Look(String title, String color, WidgetPosition position, String launcherText, String logoUrl) {
    }

    /** The widget's look, the welcome message in force, and whether the desk is within its business hours now. */
    public record ForWidget(Look look, String welcomeMessage, boolean open) {
    }

    /**
     * Whether the assistant takes a conversation back when its agent lets go of it, whether a visitor may ask for a
     * person before writing anything, the business hours (with their closed days), the routing rules and what a
     * visitor is told outside business hours. Null in a change: as it is (see {@link #change}).
     */
    public record Current(boolean aiResumesAfterAgent, Boolean requestsBeforeMessage, BusinessHours businessHours,
                          RoutingRules routing, String closedMessage) {
    }
}
