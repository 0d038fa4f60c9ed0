package io.parley.platform.boundary;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import io.parley.platform.control.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/** REST bodies are read and written by the same Jackson mapper as WebSocket frames. */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class JacksonProvider extends JacksonJsonProvider {

    public JacksonProvider() {
        super(Json.mapper());
    }
}
