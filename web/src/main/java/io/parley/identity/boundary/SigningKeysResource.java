package io.parley.identity.boundary;

import io.parley.identity.entity.SigningKey;
import io.parley.platform.entity.UtcClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/** Rotating the key that signs console tokens, for admins. */
@Path("admin/signing-keys")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeysResource {

    @Inject
    SigningKeys signingKeys;

    @Inject
    Caller caller;

    /** A new key signs from {@code signsFrom}; tokens signed before keep working until they expire. */
    @POST
    @Path("rotate")
    public RotatedKey rotate() {
        SigningKey next = signingKeys.rotate(caller.actor());
        return new RotatedKey(next.id(), UtcClock.instant(next.signsFrom()));
    }

    public record RotatedKey(String keyId, Instant signsFrom) {
    }
}
