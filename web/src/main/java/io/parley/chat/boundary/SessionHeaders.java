package io.parley.chat.boundary;

/**
 * How a visitor proves their session over REST, as {@code resume} does on the socket: the session's id and its token in
 * two headers. An unknown session and a wrong token are answered alike, with 404.
 */
public final class SessionHeaders {

    public static final String SESSION = "X-Parley-Session";
    public static final String TOKEN = "X-Parley-Session-Token";

    private SessionHeaders() {
    }
}
