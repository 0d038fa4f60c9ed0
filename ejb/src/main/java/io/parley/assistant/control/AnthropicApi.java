package io.parley.assistant.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.reactivestreams.Publisher;

/** Anthropic's Messages API (api.anthropic.com/v1), the key in {@code x-api-key}, the API version in its header. */
public interface AnthropicApi {

    String VERSION = "2023-06-01";

    @POST
    @Path("messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    String create(@HeaderParam("x-api-key") String key, @HeaderParam("anthropic-version") String version, String body);

    @POST
    @Path("messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Publisher<String> stream(@HeaderParam("x-api-key") String key, @HeaderParam("anthropic-version") String version, String body);
}
