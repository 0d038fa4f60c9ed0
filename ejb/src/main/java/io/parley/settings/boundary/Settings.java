package io.parley.settings.boundary;

import io.parley.identity.boundary.AuditLog;
import io.parley.identity.entity.Actor;
import io.parley.settings.control.BusinessHours;
import io.parley.settings.entity.DeskSettings;
import io.parley.settings.entity.OpeningPeriod;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Collectors;

/** The desk's settings: read by routing on every request for a person, changed by admins (and audited). */
@Stateless
public class Settings {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "parley.chat.welcome-message")
    String defaultWelcomeMessage;

    public Current current() {
        DeskSettings settings = em.find(DeskSettings.class, DeskSettings.ID);
        BusinessHours hours = new BusinessHours(settings.businessHoursEnabled(), ZoneId.of(settings.timeZone()),
                em.createNamedQuery(OpeningPeriod.ALL, OpeningPeriod.class).getResultStream()
                        .map(period -> new BusinessHours.Period(period.day(), period.opensAt(), period.closesAt()))
                        .toList());
        return new Current(settings.aiResumesAfterAgent(), hours);
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

    public boolean isOpenNow() {
        return current().businessHours().isOpenAt(Instant.now());
    }

    public Current change(Actor actor, Current next) {
        DeskSettings settings = em.find(DeskSettings.class, DeskSettings.ID);
        BusinessHours hours = next.businessHours();
        settings.change(next.aiResumesAfterAgent(), hours.enabled(), hours.zone().getId(), actor.userId());
        em.createNamedQuery(OpeningPeriod.DELETE_ALL).executeUpdate();
        hours.periods().forEach(period -> em.persist(new OpeningPeriod(period.day(), period.opens(), period.closes())));
        audit.record(actor, "settings.change", "desk", "aiResumesAfterAgent=" + next.aiResumesAfterAgent()
                + ", businessHours=" + (hours.enabled() ? hours.zone() + " " + hours.periods().stream()
                        .map(p -> p.day() + " " + p.opens() + "-" + p.closes()).collect(Collectors.joining(", ")) : "off"));
        return next;
    }

    /** Whether the assistant takes a conversation back when its agent lets go of it, and the business hours. */
    public record Current(boolean aiResumesAfterAgent, BusinessHours businessHours) {
    }
}
