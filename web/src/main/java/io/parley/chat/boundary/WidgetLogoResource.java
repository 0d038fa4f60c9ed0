package io.parley.chat.boundary;

import io.parley.settings.boundary.Settings;
import io.parley.settings.entity.WidgetLogo;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * The widget's logo for every visitor, without authentication: named by the SHA-256 of its bytes, so what is at an
 * address never changes and browsers and proxies keep it for a year (SecurityHeaders lets them).
 */
@Path("widget/logos/{id}")
@PermitAll
public class WidgetLogoResource {

    /** A year, the longest a cache is asked to keep anything; immutable: no need to ask again on a reload. */
    static final String CACHE = "public, max-age=31536000, immutable";

    @Inject
    Settings settings;

    @GET
    public Response get(@PathParam("id") @Pattern(regexp = "[0-9a-f]{64}", message = "is no logo's name") String id) {
        WidgetLogo logo = settings.logo(id);
        return Response.ok(logo.content(), logo.mediaType()).header("Cache-Control", CACHE)
                .header("Content-Disposition", "inline").build();
    }
}
