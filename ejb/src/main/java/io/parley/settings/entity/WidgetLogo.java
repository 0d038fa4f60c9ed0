package io.parley.settings.entity;

import io.parley.platform.entity.Digests;
import io.parley.platform.entity.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logo an admin uploaded for the widget: an image (by its content: PNG, JPEG, GIF or WebP, never SVG, which can carry
 * script) named by the SHA-256 of its bytes. Anyone may read it at {@link #url()}, which changes with its content, so
 * browsers and proxies may keep it for a year.
 */
@Entity
@Table(name = "widget_logos")
@NamedQuery(name = WidgetLogo.DELETE_ALL_BUT, query = "DELETE FROM WidgetLogo l WHERE l.id <> :kept")
@NamedQuery(name = WidgetLogo.DELETE_ALL, query = "DELETE FROM WidgetLogo l")
public class WidgetLogo {

    /** The largest logo: it is shown at 28 to 40 pixels, in every visitor's widget. */
    public static final int MAX_BYTES = 256 * 1024;

    /** Removes every logo but {@code :kept}. */
    public static final String DELETE_ALL_BUT = "WidgetLogo.deleteAllBut";
    public static final String DELETE_ALL = "WidgetLogo.deleteAll";

    /** Where anyone reads a logo, under Parley's address. */
    public static final String PATH = "/api/widget/logos/";

    private static final Pattern URL = Pattern.compile(Pattern.quote(PATH) + "([0-9a-f]{64})");

    @Id
    private String id;

    @Column(name = "media_type")
    private String mediaType;

    @Column(name = "size_bytes")
    private int sizeBytes;

    @Lob
    private byte[] content;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "created_by")
    private String createdBy;

    protected WidgetLogo() {
    }

    public WidgetLogo(String mediaType, byte[] content, String userId) {
        this.id = idOf(content);
        this.mediaType = mediaType;
        this.content = content;
        this.sizeBytes = content.length;
        this.createdAt = UtcClock.now();
        this.createdBy = userId;
    }

    /** The logo's name: the SHA-256 of its bytes, in hex. */
    public static String idOf(byte[] content) {
        return Digests.sha256Hex(content);
    }

    /** The logo's id when {@code url} is the address of an uploaded logo ({@code /api/widget/logos/<id>}). */
    public static Optional<String> idIn(String url) {
        Matcher matcher = URL.matcher(url);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    public String url() {
        return PATH + id;
    }

    public String id() {
        return id;
    }

    public String mediaType() {
        return mediaType;
    }

    public int sizeBytes() {
        return sizeBytes;
    }

    public byte[] content() {
        return content;
    }
}
