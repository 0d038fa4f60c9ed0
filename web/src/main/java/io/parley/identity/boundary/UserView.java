package io.parley.identity.boundary;

import io.parley.identity.entity.Role;
import io.parley.identity.entity.User;
import io.parley.platform.entity.UtcClock;
import java.time.Instant;
import java.util.List;

/**
 * A user as the API shows one: never the password hash or the token version. {@code mustChangePassword}: someone else
 * chose their password, and until they choose their own only their account's endpoints answer them.
 */
public record UserView(String id, String email, String name, List<String> roles, boolean active, Instant createdAt,
                       boolean mustChangePassword) {

    public static UserView of(User user) {
        return new UserView(user.id(), user.email(), user.name(), user.roles().stream().map(Role::wireName).toList(),
                user.active(), UtcClock.instant(user.createdAt()), user.mustChangePassword());
    }
}
