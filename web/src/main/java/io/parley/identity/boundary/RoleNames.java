package io.parley.identity.boundary;

import io.parley.identity.entity.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Role names from a request body ({@code ["admin", "agent"]}) as roles; an unknown name is a 400. */
final class RoleNames {

    private RoleNames() {
    }

    static Set<Role> parse(List<String> names) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> roles.add(Role.fromWire(name)));
        return roles;
    }
}
