package io.parley.platform.boundary;

import io.parley.platform.control.SystemOverview;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The running Parley as admins see it on the System page: version, database, health, cluster, origins, TLS. */
@Path("admin/system")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

    @Inject
    SystemOverview overview;

    @GET
    public SystemOverview.Overview overview() {
        return overview.now();
    }
}
