package io.parley.settings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** The desk is closed all day on {@code closedOn} (a holiday), in its own time zone, whatever its weekly hours say. */
@Entity
@Table(name = "closed_dates")
@NamedQuery(name = ClosedDate.ALL, query = "SELECT d FROM ClosedDate d ORDER BY d.closedOn")
@NamedQuery(name = ClosedDate.DELETE_ALL, query = "DELETE FROM ClosedDate d")
public class ClosedDate {

    public static final String ALL = "ClosedDate.all";
    public static final String DELETE_ALL = "ClosedDate.deleteAll";
    public static final int MAX_NAME_LENGTH = 100;

    @Id
    private String id;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    private String name;

    protected ClosedDate() {
    }

    public ClosedDate(BusinessHours.ClosedDay day) {
        this.id = UUID.randomUUID().toString();
        this.closedOn = day.date();
        this.name = day.name();
    }

    public BusinessHours.ClosedDay toClosedDay() {
        return new BusinessHours.ClosedDay(closedOn, name);
    }
}
