package io.parley.settings.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.identity.boundary.Caller;
import io.parley.platform.control.AllowedOrigins;
import io.parley.platform.control.HttpPolicy;
import io.parley.platform.entity.Refusal;
import io.parley.settings.entity.WidgetLogo;
import io.parley.settings.entity.WidgetPosition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The widget's look for admins: read it, replace it as a whole (anything invalid changes nothing), upload a logo for it;
 * audited. And which sites may embed the widget, as Parley was configured (read only).
 */
@Path("admin/widget")
@RolesAllowed("admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WidgetResource {

    @Inject
    Settings settings;

    @Inject
    Caller caller;

    @Inject
    HttpPolicy policy;

    @GET
    public Look get() {
        return Look.of(settings.look());
    }

    @PUT
    public Look change(@NotNull @Valid Look next) {
        return Look.of(settings.changeLook(caller.actor(), next.toLook()));
    }

    /**
     * An image as the request body, whatever its declared type: 201 with {@code {logoUrl, mediaType, size}}, to be named
     * as the look's {@code logoUrl}; 415 when its bytes are no PNG, JPEG, GIF or WebP image (an SVG is none), 413 when it
     * has more than {@link WidgetLogo#MAX_BYTES} bytes (read no further).
     */
    @POST
    @Path("logo")
    @Consumes(MediaType.WILDCARD)
    public Response uploadLogo(InputStream body) throws IOException {
        byte[] content = body.readNBytes(WidgetLogo.MAX_BYTES + 1);
        if (content.length > WidgetLogo.MAX_BYTES) {
            throw new WebApplicationException("A logo can have at most " + WidgetLogo.MAX_BYTES / 1024 + " KB; this one has more.", 413);
        }
        WidgetLogo logo = settings.storeLogo(caller.actor(), content);
        return Response.status(Response.Status.CREATED).entity(new Logo(logo.url(), logo.mediaType(), logo.sizeBytes())).build();
    }

    /** Who may embed the widget: {@code everySite} while WIDGET_ALLOWED_ORIGINS is {@code *}, else the origins it lists. */
    @GET
    @Path("sites")
    public Sites sites() {
        AllowedOrigins origins = policy.widgetOrigins();
        return new Sites(origins.any(), origins.any() ? List.of() : origins.listed());
    }

    public record Logo(String logoUrl, String mediaType, int size) {
    }

    public record Sites(boolean everySite, List<String> origins) {
    }

    /**
     * {@code color}: {@code #rrggbb}; {@code position}: left or right; {@code launcherText}: beside the launcher's icon,
     * empty (or null) for none; {@code logoUrl}: an uploaded logo's {@code /api/widget/logos/<sha-256>}, an absolute
     * http(s) URL, null or empty for none.
     */
    public record Look(@NotBlank @Size(max = 60) String title,
                       @NotNull @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour written #rrggbb") String color,
                       @NotNull String position,
                       @Size(max = 40) String launcherText, @JsonInclude(JsonInclude.Include.ALWAYS) @Size(max = 500) String logoUrl) {

        static Look of(Settings.Look look) {
            return new Look(look.title(), look.color(), look.position().wireName(), look.launcherText(), look.logoUrl());
        }

        Settings.Look toLook() {
            return new Settings.Look(title.strip(), color, WidgetPosition.fromWire(position),
                    launcherText == null ? "" : launcherText.strip(), logo(logoUrl));
        }

        private static String logo(String url) {
            if (url == null || url.isBlank()) {
                return null;
            }
            if (WidgetLogo.idIn(url.strip()).isPresent()) {
                return url.strip();
            }
            try {
                URI uri = new URI(url.strip());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return uri.toString();
                }
            } catch (URISyntaxException e) {
                // refused below, as any other URL that is not absolute http(s)
            }
            throw new Refusal(Refusal.Kind.INVALID, "logoUrl must be an uploaded logo or an absolute http or https URL");
        }
    }
}
