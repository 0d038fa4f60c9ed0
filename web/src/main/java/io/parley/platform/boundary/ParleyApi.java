package io.parley.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Every REST resource lives under {@code /api}. Console calls carry a bearer token verified by MicroProfile JWT;
 * {@link AccessFilter} decides who may call what. (A CDI bean, or Payara ignores {@code @LoginConfig}.)
 */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@ApplicationScoped
public class ParleyApi extends Application {

    /**
     * JSON is Jackson's, with Parley's one mapper ({@link JsonMapperResolver}): Payara's runtime would otherwise read
     * bodies with JSON-B, or with MOXy (which logs a warning with a stack trace for every record it cannot build).
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.disableJsonBinding", true, "jersey.config.disableMoxyJson", true);
    }
}
