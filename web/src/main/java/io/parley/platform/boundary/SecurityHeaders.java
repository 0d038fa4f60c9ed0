package io.parley.platform.boundary;

import io.parley.platform.control.AllowedOrigins;
import io.parley.platform.control.HttpPolicy;
import io.parley.platform.control.WebOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Stream;

/**
 * The headers every answer carries, set before anything else writes so that errors and redirects carry them too.
 * The widget runs in a frame ({@code /widget/frame.html}) on the sites that embed it, so the pages under
 * {@code /widget/} may be framed by those sites (the widget's allowed origins) and by Parley's own pages, but for the
 * console's preview of the widget ({@code /widget/preview.html}), which only Parley's own pages may frame; nothing else
 * of Parley may be framed anywhere. The console and the widget's pages get a Content-Security-Policy that lets them
 * run only their own scripts and open WebSockets only to their own host. No answer of the REST API is kept by a cache
 * ({@code Cache-Control: no-store}): they carry tokens and personal data, images included; only the widget's public
 * settings say otherwise.
 * <p>
 * Payara's listener would add {@code X-Frame-Options: SAMEORIGIN} to any answer without one, which would keep the
 * widget out of other sites' frames in browsers that do not know {@code frame-ancestors}; it is turned off
 * (payara-config/http-listener.asadmin), so every other answer says {@code DENY} here.
 */
public class SecurityHeaders extends HttpFilter {

    private static final String HSTS = "max-age=31536000";
    private static final String NO_FRAMING = "frame-ancestors 'none'";
    private static final String OWN_PAGES = "frame-ancestors 'self'";
    private static final String WIDGET = "/widget/";
    private static final String API = "/api/";
    private static final String WIDGET_CONFIG = "/api/widget/config";
    /** The widget's logos, named by their content: kept by caches for a year (WidgetLogoResource). */
    private static final String WIDGET_LOGOS = "/api/widget/logos/";
    /** The console's preview of the widget: only Parley's own pages (the console) may frame it. */
    static final String WIDGET_PREVIEW = "/widget/preview.html";

    @Inject
    HttpPolicy policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        String path = RequestPath.of(request);
        if (path.startsWith(WIDGET)) {
            // no X-Frame-Options: it knows no list of sites, and browsers that know frame-ancestors ignore it anyway
            response.setHeader("Content-Security-Policy", widgetPolicy(request,
                    path.equals(WIDGET_PREVIEW) ? OWN_PAGES : widgetFraming(policy.widgetOrigins())));
        } else {
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Content-Security-Policy", path.startsWith("/admin/") ? consolePolicy(request) : NO_FRAMING);
        }
        if (path.startsWith(API) && !path.equals(WIDGET_CONFIG) && !path.startsWith(WIDGET_LOGOS)) {
            // tokens and personal data: neither the browser nor a proxy keeps a copy (the widget's public settings and logos may)
            response.setHeader("Cache-Control", "no-store");
        }
        if (request.isSecure()) {
            // only over TLS: browsers ignore it on plain HTTP, and a man in the middle could strip or forge it there
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }

    /** Who may frame the widget: every site ({@code *}), or Parley's own pages and the sites listed. */
    static String widgetFraming(AllowedOrigins sites) {
        return "frame-ancestors " + (sites.any() ? "*" : String.join(" ", Stream.concat(Stream.of("'self'"), sites.listed().stream()).toList()));
    }

    /**
     * The chat's frame holds the visitor's session token: it runs only its own scripts and talks only to its own host.
     * Its styles are one element its script writes (hence 'unsafe-inline' for styles, never for scripts); the admin's
     * logo may be on any web host.
     */
    private static String widgetPolicy(HttpServletRequest request, String framing) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: http: https:; "
                + ownHost(request) + "; base-uri 'none'; form-action 'self'; " + framing;
    }

    private static String consolePolicy(HttpServletRequest request) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + ownHost(request) + "; " + NO_FRAMING + "; base-uri 'none'; form-action 'self'";
    }

    /**
     * {@code 'self'} in connect-src does not cover WebSockets in every browser (CSP 2 leaves ws: and wss: out), so
     * the page's own host is named with the WebSocket scheme that matches the page's.
     */
    private static String ownHost(HttpServletRequest request) {
        String sockets = WebOrigin.of(request)
                .map(origin -> " " + origin.withScheme(request.isSecure() ? "wss" : "ws"))
                .orElse("");
        return "connect-src 'self'" + sockets;
    }
}
