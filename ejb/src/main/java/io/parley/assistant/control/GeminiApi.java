package io.parley.assistant.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.reactivestreams.Publisher;

/** Google's Gemini API (generativelanguage.googleapis.com/v1beta), the key in {@code x-goog-api-key}. */
public interface GeminiApi {

    @POST
    @Path("models/{model}:generateContent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    String generate(@HeaderParam("x-goog-api-key") String key, @PathParam("model") String model, String body);

    /** {@code alt=sse} makes the stream server-sent events, one {@code GenerateContentResponse} each. */
    @POST
    @Path("models/{model}:streamGenerateContent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Publisher<String> stream(@HeaderParam("x-goog-api-key") String key, @PathParam("model") String model, @QueryParam("alt") String alt, String body);
}
