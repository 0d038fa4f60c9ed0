package io.parley.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rules of Parley's HTTP surface, from MicroProfile Config (docs/configuration.md, "HTTP surface"): which origins
 * may call, whether TLS is required, which proxies are believed, how large a request body may be. They are read and
 * checked when the application starts, so that a bad setting stops the deployment with a message naming it instead
 * of failing requests later.
 */
@ApplicationScoped
public class HttpPolicy {

    private static final Logger LOG = System.getLogger(HttpPolicy.class.getName());

    // Optional<String> rather than Optional<List<String>>, which Payara's MicroProfile Config cannot inject
    @Inject
    @ConfigProperty(name = "cors.allowed.origins")
    Optional<String> consoleOriginSetting;

    @Inject
    @ConfigProperty(name = "widget.allowed.origins")
    Optional<String> widgetOriginSetting;

    @Inject
    @ConfigProperty(name = "trusted.proxies")
    Optional<String> trustedProxySetting;

    @Inject
    @ConfigProperty(name = "force.tls")
    boolean forceTls;

    @Inject
    @ConfigProperty(name = "parley.http.max-body-bytes")
    int maxBodyBytes;

    @Inject
    @ConfigProperty(name = "parley.chat.max-attachment-bytes")
    int maxAttachmentBytes;

    @Inject
    @ConfigProperty(name = "parley.autoreply.max-import-bytes")
    int maxImportBytes;

    /** Where visitors send images (AttachmentsResource). */
    public static final String ATTACHMENTS_PATH = "/api/chat/attachments";
    static final int MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
    /** Where admins send workbooks of canned responses, to preview and to import (CannedResponsesResource). */
    public static final String IMPORT_PATH = "/api/canned-responses/import";
    static final int MAX_IMPORT_BYTES = 50 * 1024 * 1024;

    private AllowedOrigins consoleOrigins;
    private AllowedOrigins widgetOrigins;
    private TrustedProxies trustedProxies;

    @PostConstruct
    void read() {
        consoleOrigins = AllowedOrigins.withCredentials("cors.allowed.origins (CORS_ALLOWED_ORIGINS)",
                entries(consoleOriginSetting));
        widgetOrigins = AllowedOrigins.anonymous("widget.allowed.origins (WIDGET_ALLOWED_ORIGINS)",
                entries(widgetOriginSetting));
        trustedProxies = TrustedProxies.parse("trusted.proxies (TRUSTED_PROXIES)", entries(trustedProxySetting));
        if (maxBodyBytes < 1 || maxBodyBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parley.http.max-body-bytes (PARLEY_HTTP_MAX_BODY_BYTES) must be "
                    + "between 1 and " + (Integer.MAX_VALUE - 1) + ", not " + maxBodyBytes);
        }
        if (maxAttachmentBytes < 1 || maxAttachmentBytes > MAX_ATTACHMENT_BYTES) {
            throw new IllegalArgumentException("parley.chat.max-attachment-bytes (PARLEY_CHAT_MAX_ATTACHMENT_BYTES) must be "
                    + "between 1 and " + MAX_ATTACHMENT_BYTES + " (50 MiB), not " + maxAttachmentBytes);
        }
        if (maxImportBytes < 1 || maxImportBytes > MAX_IMPORT_BYTES) {
            throw new IllegalArgumentException("parley.autoreply.max-import-bytes (PARLEY_AUTOREPLY_MAX_IMPORT_BYTES) must be "
                    + "between 1 and " + MAX_IMPORT_BYTES + " (50 MiB), not " + maxImportBytes);
        }
    }

    /**
     * The largest request body on {@code path}: an image a visitor sends, or a workbook an admin imports, may be larger
     * than any other body.
     */
    public int maxBodyBytes(String path) {
        return path.equals(ATTACHMENTS_PATH) ? maxAttachmentBytes : isImport(path) ? maxImportBytes : maxBodyBytes;
    }

    /** What a body too large for {@code path} is called, for the sentence that refuses it. */
    public String bodyName(String path) {
        return path.equals(ATTACHMENTS_PATH) ? "An image" : isImport(path) ? "A workbook to import" : "A request body";
    }

    private static boolean isImport(String path) {
        return path.equals(IMPORT_PATH) || path.startsWith(IMPORT_PATH + "/");
    }

    /** The largest image a visitor may send (parley.chat.max-attachment-bytes): the widget is told before it sends one. */
    public int maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    /** A comma-separated setting's entries; an empty or missing setting has none. */
    private static List<String> entries(Optional<String> setting) {
        return setting.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }

    /** Observing start-up creates this bean then, so a bad setting fails the deployment, and says what is in force. */
    void report(@Observes Startup startup) {
        LOG.log(Level.INFO, "HTTP surface: TLS required {0}; console origins {1}; widget origins {2}; "
                + "trusted proxies {3}; request bodies up to {4} bytes, images up to {5}, workbooks to import up to {6}",
                forceTls, consoleOrigins, widgetOrigins, trustedProxies, Integer.toString(maxBodyBytes), Integer.toString(maxAttachmentBytes),
                Integer.toString(maxImportBytes));
    }

    /** Who may call the console's REST API and open its WebSockets: the console's own origin and CORS_ALLOWED_ORIGINS. */
    public AllowedOrigins consoleOrigins() {
        return consoleOrigins;
    }

    /**
     * Who may call the visitors' endpoints (the widget's files, /ws/chat, the offline form, ...) and frame the widget's
     * pages: WIDGET_ALLOWED_ORIGINS.
     */
    public AllowedOrigins widgetOrigins() {
        return widgetOrigins;
    }

    public TrustedProxies trustedProxies() {
        return trustedProxies;
    }

    /** The address of the client that sent the request, as the proxies Parley trusts report it. */
    public String clientAddress(HttpServletRequest request) {
        return trustedProxies.view(request).getRemoteAddr();
    }

    public boolean forceTls() {
        return forceTls;
    }
}
