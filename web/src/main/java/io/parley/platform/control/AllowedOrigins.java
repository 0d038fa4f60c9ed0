package io.parley.platform.control;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The web origins whose pages may call Parley from a browser: Parley's own origin always, plus a configured list, or
 * every origin ({@code *}) for callers that carry no credentials. The same list answers CORS requests and the
 * {@code Origin} check of WebSocket handshakes.
 */
public final class AllowedOrigins {

    private static final String ANY = "*";

    private final Set<WebOrigin> origins;
    private final boolean any;
    private final boolean credentials;

    private AllowedOrigins(Set<WebOrigin> origins, boolean any, boolean credentials) {
        this.origins = origins;
        this.any = any;
        this.credentials = credentials;
    }

    /**
     * The list for callers that send credentials (the console's token). {@code *} is refused: it would let every web
     * site act with a signed-in agent's rights, and browsers refuse {@code *} together with credentials anyway.
     */
    public static AllowedOrigins withCredentials(String setting, List<String> entries) {
        if (listsAny(entries)) {
            throw new IllegalArgumentException(setting + " must not be *: the console sends credentials, so list its "
                    + "origins one by one (https://console.example.com,https://admin.example.com), or leave it empty "
                    + "when the console is served by Parley itself");
        }
        return new AllowedOrigins(parse(setting, entries), false, true);
    }

    /** The list for anonymous callers (the widget on visitors' pages): {@code *} allows every site. */
    public static AllowedOrigins anonymous(String setting, List<String> entries) {
        if (listsAny(entries)) {
            if (entries.size() > 1) {
                throw new IllegalArgumentException(setting + " is either * or a list of origins, not both: " + entries);
            }
            return new AllowedOrigins(Set.of(), true, false);
        }
        return new AllowedOrigins(parse(setting, entries), false, false);
    }

    private static boolean listsAny(List<String> entries) {
        return entries.stream().map(String::strip).anyMatch(ANY::equals);
    }

    private static Set<WebOrigin> parse(String setting, List<String> entries) {
        return entries.stream()
                .map(entry -> WebOrigin.parse(entry).orElseThrow(() -> new IllegalArgumentException(setting
                        + " lists '" + entry.strip() + "', which is not an origin: write scheme://host[:port], "
                        + "for example https://shop.example.com, without a path")))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a page of {@code origin} (the request's Origin header) may call the server that received {@code request}. */
    public boolean allows(String origin, HttpServletRequest request) {
        return allows(origin, WebOrigin.of(request));
    }

    boolean allows(String origin, Optional<WebOrigin> own) {
        if (any) {
            return true;
        }
        Optional<WebOrigin> caller = WebOrigin.parse(origin);
        return caller.isPresent() && (caller.equals(own) || origins.contains(caller.get()));
    }

    /** The origins listed besides Parley's own, sorted; none when every origin may call ({@link #any()}). */
    public List<String> listed() {
        return origins.stream().map(WebOrigin::toString).sorted().toList();
    }

    /** Whether every origin may call; CORS answers then say {@code *} rather than echo the origin. */
    public boolean any() {
        return any;
    }

    /** Whether the callers send credentials, which CORS answers must allow explicitly. */
    public boolean credentials() {
        return credentials;
    }

    /** For the log: what the list allows besides Parley's own origin. */
    @Override
    public String toString() {
        if (any) {
            return ANY;
        }
        return origins.isEmpty() ? "(own origin only)" : String.join(",", listed());
    }
}
