package io.parley.settings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

/** The desk is open on {@code day} from {@code opensAt} (inclusive) to {@code closesAt} (exclusive), local time. */
@Entity
@Table(name = "business_hours")
@NamedQuery(name = OpeningPeriod.ALL, query = "SELECT p FROM OpeningPeriod p ORDER BY p.day, p.opensAt")
@NamedQuery(name = OpeningPeriod.DELETE_ALL, query = "DELETE FROM OpeningPeriod p")
public class OpeningPeriod {

    public static final String ALL = "OpeningPeriod.all";
    public static final String DELETE_ALL = "OpeningPeriod.deleteAll";

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week")
    private DayOfWeek day;

    @Column(name = "opens_at")
    private LocalTime opensAt;

    @Column(name = "closes_at")
    private LocalTime closesAt;

    protected OpeningPeriod() {
    }

    public OpeningPeriod(DayOfWeek day, LocalTime opensAt, LocalTime closesAt) {
        this.id = UUID.randomUUID().toString();
        this.day = day;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
    }

    public DayOfWeek day() {
        return day;
    }

    public LocalTime opensAt() {
        return opensAt;
    }

    public LocalTime closesAt() {
        return closesAt;
    }
}
