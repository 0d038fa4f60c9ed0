package io.parley.settings.entity;

import io.parley.platform.entity.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** The one row of the desk's settings (id 1, created by the schema migration). */
@Entity
@Table(name = "desk_settings")
public class DeskSettings {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(name = "ai_resumes_after_agent")
    private boolean aiResumesAfterAgent;

    @Column(name = "business_hours_enabled")
    private boolean businessHoursEnabled;

    @Column(name = "requests_before_message")
    private boolean requestsBeforeMessage;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "welcome_message")
    private String welcomeMessage;

    @Column(name = "routing_strategy")
    private String routingStrategy;

    @Column(name = "default_capacity")
    private Integer defaultCapacity;

    @Column(name = "request_timeout_seconds")
    private Integer requestTimeoutSeconds;

    @Column(name = "accept_timeout_seconds")
    private Integer acceptTimeoutSeconds;

    @Column(name = "closed_message")
    private String closedMessage;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    protected DeskSettings() {
    }

    public void change(boolean aiResumesAfterAgent, boolean requestsBeforeMessage, boolean businessHoursEnabled, String timeZone, String userId) {
        this.aiResumesAfterAgent = aiResumesAfterAgent;
        this.requestsBeforeMessage = requestsBeforeMessage;
        this.businessHoursEnabled = businessHoursEnabled;
        this.timeZone = timeZone;
        this.updatedAt = UtcClock.now();
        this.updatedBy = userId;
    }

    public void changeRouting(RoutingRules rules, String userId) {
        this.routingStrategy = rules.strategy();
        this.defaultCapacity = rules.defaultCapacity();
        this.requestTimeoutSeconds = rules.countdownSeconds();
        this.acceptTimeoutSeconds = rules.acceptanceSeconds();
        this.updatedAt = UtcClock.now();
        this.updatedBy = userId;
    }

    public void changeClosedMessage(String text, String userId) {
        this.closedMessage = text;
        this.updatedAt = UtcClock.now();
        this.updatedBy = userId;
    }

    /** The admin's routing rules, each one they never set taken from {@code configured}. */
    public RoutingRules routing(RoutingRules configured) {
        return new RoutingRules(routingStrategy != null ? routingStrategy : configured.strategy(),
                defaultCapacity != null ? defaultCapacity : configured.defaultCapacity(),
                requestTimeoutSeconds != null ? requestTimeoutSeconds : configured.countdownSeconds(),
                acceptTimeoutSeconds != null ? acceptTimeoutSeconds : configured.acceptanceSeconds());
    }

    /** What a visitor is told outside business hours; null for the configured default. */
    public String closedMessage() {
        return closedMessage;
    }

    public void welcomeMessage(String text, String userId) {
        this.welcomeMessage = text;
        this.updatedAt = UtcClock.now();
        this.updatedBy = userId;
    }

    /** What the widget shows when a session starts; null for the configured default. */
    public String welcomeMessage() {
        return welcomeMessage;
    }

    public boolean aiResumesAfterAgent() {
        return aiResumesAfterAgent;
    }

    /** Whether a visitor may ask for a person before writing anything (by default they may not: docs/security.md). */
    public boolean requestsBeforeMessage() {
        return requestsBeforeMessage;
    }

    public boolean businessHoursEnabled() {
        return businessHoursEnabled;
    }

    public String timeZone() {
        return timeZone;
    }
}
