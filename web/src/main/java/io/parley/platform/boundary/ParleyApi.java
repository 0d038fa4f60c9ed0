package io.parley.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Every REST resource lives under {@code /api}. */
@ApplicationPath("api")
public class ParleyApi extends Application {
}
