package io.parley.autoreply.entity;

import io.parley.platform.entity.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/** A prepared answer and the trigger that selects it. */
@Entity
@Table(name = "canned_responses")
// read-only: the engine and an import's check read thousands, which are then neither registered nor compared at commit
@NamedQuery(name = CannedResponse.ACTIVE, query = "SELECT c FROM CannedResponse c WHERE c.active = TRUE ORDER BY c.createdAt, c.id",
        hints = @QueryHint(name = "eclipselink.read-only", value = "true"))
@NamedQuery(name = CannedResponse.ALL, query = "SELECT c FROM CannedResponse c ORDER BY c.createdAt, c.id",
        hints = @QueryHint(name = "eclipselink.read-only", value = "true"))
@NamedQuery(name = CannedResponse.BY_IDS, query = "SELECT c FROM CannedResponse c WHERE c.id IN :ids")
@NamedQuery(name = CannedResponse.BY_SHORTCUT, query = "SELECT c FROM CannedResponse c WHERE c.shortcut = :shortcut")
@NamedQuery(name = CannedResponse.CATEGORIES, query = "SELECT DISTINCT c.category FROM CannedResponse c WHERE c.category IS NOT NULL ORDER BY c.category")
public class CannedResponse {

    public static final String ACTIVE = "CannedResponse.active";
    /** Every one, oldest first, read-only: to change one, read it again (by id). */
    public static final String ALL = "CannedResponse.all";
    public static final String BY_IDS = "CannedResponse.byIds";
    public static final String BY_SHORTCUT = "CannedResponse.byShortcut";
    public static final String CATEGORIES = "CannedResponse.categories";

    @Id
    private String id;

    @Column(name = "trigger_text")
    private String trigger;

    @Column(name = "response_text")
    private String response;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_type")
    private MatchType matchType;

    private String category;

    /** What an agent types after "/" to find it, in lower case; null for none. */
    private String shortcut;

    private boolean active;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    protected CannedResponse() {
    }

    /** An active one without category or shortcut. */
    public CannedResponse(String id, String trigger, String response, MatchType matchType) {
        this(id, new CannedContent(trigger, response, matchType, null, null, true));
    }

    public CannedResponse(String id, CannedContent content) {
        this.id = id;
        this.createdAt = UtcClock.now();
        change(content);
    }

    public void change(CannedContent content) {
        this.trigger = content.trigger();
        this.response = content.response();
        this.matchType = content.matchType();
        this.category = content.category();
        this.shortcut = content.shortcut();
        this.active = content.active();
        this.updatedAt = UtcClock.now();
    }

    /** What it says now, to compare with what someone would change it to. */
    public CannedContent content() {
        return new CannedContent(trigger, response, matchType, category, shortcut, active);
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

    public String category() {
        return category;
    }

    public String shortcut() {
        return shortcut;
    }
}
