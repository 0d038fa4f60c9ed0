package io.parley.conversations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What a visitor tells about themselves when a session starts; every field is optional. */
@Embeddable
public class VisitorMeta {

    @Column(name = "visitor_name")
    private String name;

    @Column(name = "visitor_email")
    private String email;

    @Column(name = "visitor_page")
    private String page;

    @Column(name = "visitor_referrer")
    private String referrer;

    @Column(name = "visitor_locale")
    private String locale;

    @Column(name = "user_agent")
    private String userAgent;

    protected VisitorMeta() {
    }

    public VisitorMeta(String name, String email, String page, String referrer, String locale, String userAgent) {
        this.name = name;
        this.email = email;
        this.page = page;
        this.referrer = referrer;
        this.locale = locale;
        this.userAgent = userAgent;
    }

    /** The same details for another session (an embeddable belongs to one entity). */
    public VisitorMeta copy() {
        return new VisitorMeta(name, email, page, referrer, locale, userAgent);
    }

    public static VisitorMeta none() {
        return new VisitorMeta();
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String page() {
        return page;
    }

    public String referrer() {
        return referrer;
    }

    public String locale() {
        return locale;
    }

    public String userAgent() {
        return userAgent;
    }
}
