package io.parley.assistant.boundary;

import io.parley.identity.boundary.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What the assistant is told, for admins (routes as in DESIGN.md §3): read with GET, replace with POST; audited. */
@Path("admin")
@RolesAllowed("admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PromptsResource {

    static final int MAX_PROMPT_LENGTH = 20_000;

    @Inject
    Prompts prompts;

    @Inject
    Caller caller;

    @GET
    @Path("system-prompt")
    public SystemPrompt systemPrompt() {
        return new SystemPrompt(prompts.current().systemPrompt());
    }

    @POST
    @Path("system-prompt")
    public SystemPrompt systemPrompt(@NotNull @Valid SystemPrompt next) {
        return new SystemPrompt(prompts.changeSystemPrompt(caller.actor(), next.systemPrompt().strip()));
    }

    @GET
    @Path("context-limit")
    public ContextLimit contextLimit() {
        return new ContextLimit(prompts.current().contextLimit());
    }

    @POST
    @Path("context-limit")
    public ContextLimit contextLimit(@NotNull @Valid ContextLimit next) {
        return new ContextLimit(prompts.changeContextLimit(caller.actor(), next.contextLimit()));
    }

    @GET
    @Path("image-prompt")
    public ImagePrompt imagePrompt() {
        return new ImagePrompt(prompts.current().imagePrompt());
    }

    @POST
    @Path("image-prompt")
    public ImagePrompt imagePrompt(@NotNull @Valid ImagePrompt next) {
        return new ImagePrompt(prompts.changeImagePrompt(caller.actor(), next.imagePrompt().strip()));
    }

    public record SystemPrompt(@NotBlank @Size(max = MAX_PROMPT_LENGTH) String systemPrompt) {
    }

    /** How many of the conversation's latest messages the assistant sees. */
    public record ContextLimit(@NotNull @Min(1) @Max(Prompts.MAX_CONTEXT_LIMIT) Integer contextLimit) {
    }

    public record ImagePrompt(@NotBlank @Size(max = MAX_PROMPT_LENGTH) String imagePrompt) {
    }
}
