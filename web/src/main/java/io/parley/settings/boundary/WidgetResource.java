package io.parley.settings.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.identity.boundary.Caller;
import io.parley.platform.entity.Refusal;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The widget's look for admins: read it, replace it as a whole (anything invalid changes nothing); audited. */
@Path("admin/widget")
@RolesAllowed("admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WidgetResource {

    @Inject
    Settings settings;

    @Inject
    Caller caller;

    @GET
    public Look get() {
        return Look.of(settings.look());
    }

    @PUT
    public Look change(@NotNull @Valid Look next) {
        return Look.of(settings.changeLook(caller.actor(), next.toLook()));
    }

    /**
     * {@code color}: {@code #rrggbb}; {@code position}: left or right; {@code launcherText}: beside the launcher's icon,
     * empty (or null) for none; {@code logoUrl}: an absolute http(s) URL, null or empty for none.
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
            try {
                URI uri = new URI(url.strip());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return uri.toString();
                }
            } catch (URISyntaxException e) {
                // refused below, as any other URL that is not absolute http(s)
            }
            throw new Refusal(Refusal.Kind.INVALID, "logoUrl must be an absolute http or https URL");
        }
    }
}
