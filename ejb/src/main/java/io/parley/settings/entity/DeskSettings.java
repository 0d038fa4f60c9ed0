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
