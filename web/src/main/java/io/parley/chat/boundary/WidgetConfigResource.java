package io.parley.chat.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.platform.control.HttpPolicy;
import io.parley.routing.boundary.Routing;
import io.parley.settings.boundary.Settings;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What the widget reads when it loads, on any site that may embed it, without authentication: its look, the welcome
 * message, the largest image a visitor may send, and whether the desk is open and anyone is online to come.
 */
@Path("widget/config")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class WidgetConfigResource {

    @Inject
    Settings settings;

    @Inject
    Routing routing;

    @Inject
    HttpPolicy policy;

    /** Read on every page view of every site (by the loader and the chat's frame): browsers may keep it half a minute. */
    @GET
    public Response get() {
        Settings.ForWidget widget = settings.forWidget();
        Settings.Look look = widget.look();
        return Response.ok(new WidgetConfig(look.title(), look.color(), look.position().wireName(), look.launcherText(), look.logoUrl(),
                widget.welcomeMessage(), policy.maxAttachmentBytes(), widget.open(), routing.anyoneOnline()))
                .header("Cache-Control", "public, max-age=30").build();
    }

    /**
     * {@code logoUrl}: null (written, not left out) for none; {@code open}: within business hours now (always, without
     * them); {@code agentsOnline}: at least one agent is online.
     */
    public record WidgetConfig(String title, String color, String position, String launcherText,
                               @JsonInclude(JsonInclude.Include.ALWAYS) String logoUrl, String welcomeMessage, int maxAttachmentBytes, boolean open, boolean agentsOnline) {
    }
}
