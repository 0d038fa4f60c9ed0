package io.parley.autoreply.entity;

import io.parley.platform.entity.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/** A prepared answer and the trigger that selects it. */
@Entity
@Table(name = "canned_responses")
@NamedQuery(name = CannedResponse.ACTIVE, query = "SELECT c FROM CannedResponse c WHERE c.active = TRUE ORDER BY c.createdAt, c.id")
public class CannedResponse {

    public static final String ACTIVE = "CannedResponse.active";

    @Id
    private String id;

    @Column(name = "trigger_text")
    private String trigger;

    @Column(name = "response_text")
    private String response;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_type")
    private MatchType matchType;

    private boolean active;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    protected CannedResponse() {
    }

    public CannedResponse(String id, String trigger, String response, MatchType matchType) {
        this.id = id;
        this.createdAt = UtcClock.now();
        change(trigger, response, matchType, true);
    }

    public void change(String trigger, String response, MatchType matchType, boolean active) {
        this.trigger = trigger;
        this.response = response;
        this.matchType = matchType;
        this.active = active;
        this.updatedAt = UtcClock.now();
    }

    /** The phrases this response listens for: the trigger itself, or each keyword of a keyword trigger. */
    public List<String> triggerPhrases() {
        if (matchType == MatchType.KEYWORD) {
            return Arrays.stream(trigger.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        return List.of(trigger);
    }

    public String id() {
        return id;
    }

    public String trigger() {
        return trigger;
    }

    public boolean active() {
        return active;
    }

    public LocalDateTime updatedAt() {
        return updatedAt;
    }

    public String response() {
        return response;
    }

    public MatchType matchType() {
        return matchType;
    }
}
