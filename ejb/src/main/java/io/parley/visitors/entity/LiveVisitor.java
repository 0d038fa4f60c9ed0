package io.parley.visitors.entity;

import io.parley.platform.entity.Texts;
import java.time.Instant;

/** A visitor on a site with the widget, as agents see them in the list: the page and referrer are cut to a list's length. */
public record LiveVisitor(String visitorId, String page, String referrer, Instant since) {

    /** The most characters of a page or referrer address the list shows. */
    public static final int MAX_ADDRESS_LENGTH = 300;

    public static LiveVisitor of(String visitorId, String page, String referrer, Instant since) {
        return new LiveVisitor(visitorId, Texts.cut(page, MAX_ADDRESS_LENGTH), Texts.cut(referrer, MAX_ADDRESS_LENGTH), since);
    }
}
