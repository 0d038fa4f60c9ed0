package io.parley.settings.entity;

import io.parley.platform.entity.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** The one row of the widget's look (id 1, created by the schema migration with the defaults). */
@Entity
@Table(name = "widget_look")
public class WidgetLook {

    public static final int ID = 1;

    @Id
    private int id;

    private String title;

    /** {@code #rrggbb}. */
    private String color;

    @Enumerated(EnumType.STRING)
    @Column(name = "launcher_position")
    private WidgetPosition position;

    /** Shown next to the launcher's icon; empty for the icon alone. */
    @Column(name = "launcher_text")
    private String launcherText;

    /** An absolute http(s) URL of the logo in the widget's header; null for none. */
    @Column(name = "logo_url")
    private String logoUrl;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    protected WidgetLook() {
    }

    public void change(String title, String color, WidgetPosition position, String launcherText, String logoUrl, String userId) {
        this.title = title;
        this.color = color;
        this.position = position;
        this.launcherText = launcherText;
        this.logoUrl = logoUrl;
        this.updatedAt = UtcClock.now();
        this.updatedBy = userId;
    }

    public String title() {
        return title;
    }

    public String color() {
        return color;
    }

    public WidgetPosition position() {
        return position;
    }

    public String launcherText() {
        return launcherText;
    }

    public String logoUrl() {
        return logoUrl;
    }
}
