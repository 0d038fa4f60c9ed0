package io.parley.assistant.boundary;

import io.parley.assistant.entity.LlmConfig;
import io.parley.assistant.entity.Provider;
import io.parley.identity.boundary.Caller;
import io.parley.platform.entity.UtcClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/**
 * The LLM fleet for admins (routes as in DESIGN.md §3): list in the order tried, add or change ({@code id} absent or
 * present), set the order, make one the primary (the first enabled one, {@code isActive}), check one now, remove. An
 * API key goes in and never comes out: answers carry at most its last four characters.
 */
@Path("admin")
@RolesAllowed("admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LlmConfigsResource {

    /** More configurations than anyone orders by hand; the order's list may name no more. */
    static final int MAX_CONFIGURATIONS = 100;

    @Inject
    LlmFleet fleet;

    @Inject
    FleetChecks checks;

    @Inject
    Caller caller;

    @GET
    @Path("llm-configs")
    public List<ConfigView> list() {
        return fleet.list().stream().map(ConfigView::of).toList();
    }

    /** 201 with the new configuration, or 200 with the changed one. */
    @POST
    @Path("llm-config")
    public Response save(@NotNull @Valid ConfigChange change) {
        if (change.id() == null) {
            return Response.status(Response.Status.CREATED).entity(ConfigView.of(fleet.add(caller.actor(), change.settings(), change.apiKey()))).build();
        }
        return Response.ok(ConfigView.of(fleet.change(caller.actor(), change.id(), change.settings(), change.apiKey()))).build();
    }

    /** Sets the order in which the configurations are tried: {@code ids} names every one of them once, the first first. */
    @PUT
    @Path("llm-configs/order")
    public List<ConfigView> order(@NotNull @Valid Order order) {
        return fleet.order(caller.actor(), order.ids()).stream().map(ConfigView::of).toList();
    }

    /** Makes the configuration the primary: it moves to the front of the order. */
    @PATCH
    @Path("llm-config/{id}/activate")
    public ConfigView activate(@PathParam("id") String id) {
        return ConfigView.of(fleet.activate(caller.actor(), id));
    }

    /** Checks the configuration now with a cheap call to its provider (its key and model must work); answers with the outcome. */
    @POST
    @Path("llm-config/{id}/check")
    public ConfigView check(@PathParam("id") String id) {
        return ConfigView.of(checks.check(id));
    }

    @DELETE
    @Path("llm-config/{id}")
    public Response remove(@PathParam("id") String id) {
        fleet.remove(caller.actor(), id);
        return Response.noContent().build();
    }

    /**
     * {@code apiKey}: absent keeps the stored key, empty removes it. {@code baseUrl}: for OpenAI-compatible servers.
     * {@code priority}: absent puts a new configuration last and leaves a changed one where it is.
     */
    public record ConfigChange(
            @Size(max = 36) String id,
            @NotNull @Pattern(regexp = "openai|gemini|anthropic", message = "must be openai, gemini or anthropic") String provider,
            @NotBlank @Size(max = 200) String model,
            @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http or https URL") String baseUrl,
            @Size(max = 500) String apiKey,
            @Min(0) @Max(LlmFleet.MAX_PRIORITY) Integer priority,
            @NotNull @Min(1000) @Max(120_000) Integer timeoutMs,
            @NotNull Boolean enabled) {

        LlmConfig.Settings settings() {
            return new LlmConfig.Settings(Provider.fromWire(provider), model.strip(), baseUrl, priority, timeoutMs, enabled);
        }
    }

    public record Order(@NotNull @Size(max = MAX_CONFIGURATIONS) List<@NotNull @Size(max = 36) String> ids) {
    }

    /** {@code isActive}: whether it is the primary, the first enabled configuration in the order, asked first. */
    public record ConfigView(String id, String provider, String model, String baseUrl, int priority, int timeoutMs,
                             boolean enabled, boolean isActive, String apiKeyLast4, Health healthStatus) {

        static ConfigView of(LlmFleet.Configured configured) {
            LlmConfig config = configured.config();
            return new ConfigView(config.id(), config.provider().wireName(), config.model(), config.baseUrl(), config.priority(),
                    config.timeoutMs(), config.enabled(), configured.primary(), configured.apiKeyLast4(),
                    new Health(config.healthStatus(), config.healthCheckedAt() == null ? null : UtcClock.instant(config.healthCheckedAt()),
                            config.healthLatencyMs(), config.healthError()));
        }
    }

    /**
     * The outcome of the last call or check: {@code unknown} until there was one, then {@code healthy},
     * {@code rate_limited} or {@code unhealthy} with the error.
     */
    public record Health(String status, Instant lastCheck, Integer latencyMs, String error) {
    }
}
