package io.parley.platform.boundary;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.platform.entity.Json;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * REST bodies are read and written by Jackson's JAX-RS provider (its jar registers it); this hands it Parley's one
 * mapper, the one the WebSocket frames use too, so times and absent values look the same everywhere.
 */
@Provider
public class JsonMapperResolver implements ContextResolver<ObjectMapper> {

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return Json.mapper();
    }
}
