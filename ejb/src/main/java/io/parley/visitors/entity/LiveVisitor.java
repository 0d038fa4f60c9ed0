package io.parley.visitors.entity;

import io.parley.platform.entity.Texts;
import java.time.Instant;

/**
 * A visitor on a site with the widget, as agents see them in the list: the page and referrer are cut to a list's length;
 * {@code since} is when they arrived (a new page keeps it); {@code returning}: their browser had the widget before.
 */
public record LiveVisitor(String visitorId, String page, String referrer, Instant since, boolean returning) {

    /** The most characters of a page or referrer address the list shows. */
    public static final int MAX_ADDRESS_LENGTH = 300;

    public static LiveVisitor of(String visitorId, String page, String referrer, Instant since, boolean returning) {
        return new LiveVisitor(visitorId, Texts.cut(page, MAX_ADDRESS_LENGTH), Texts.cut(referrer, MAX_ADDRESS_LENGTH), since, returning);
    }
}
