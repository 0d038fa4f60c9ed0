package io.parley.assistant.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.reactivestreams.Publisher;

/**
 * OpenAI's Chat Completions API, as OpenAI-compatible servers (Ollama, vLLM, Azure's v1 endpoint) offer it too. Bodies
 * travel as JSON text that Parley's one mapper writes and reads (the server's MicroProfile REST Client would otherwise
 * pick its own JSON-B provider, which knows nothing of Jackson's trees); the same holds for the other providers.
 */
public interface OpenAiApi {

    @POST
    @Path("chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    String complete(@HeaderParam("Authorization") String bearer, @HeaderParam("api-key") String azureKey, String body);

    @POST
    @Path("chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Publisher<String> stream(@HeaderParam("Authorization") String bearer, @HeaderParam("api-key") String azureKey, String body);
}
