package io.parley.identity.boundary;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Who may call a REST method, as its annotations say: the method's own {@code @PermitAll}, {@code @RolesAllowed} or
 * {@code @DenyAll}, else its class's. No annotation at all means nobody — a new endpoint is closed until it says
 * otherwise. The one reading of these annotations, for {@link AccessFilter} and for the API description.
 */
public record AccessRule(boolean isPublic, List<String> roles) {

    static final AccessRule NOBODY = new AccessRule(false, List.of());

    public static AccessRule of(Class<?> resourceClass, Method method) {
        AccessRule own = declared(method.getAnnotation(PermitAll.class), method.getAnnotation(RolesAllowed.class),
                method.getAnnotation(DenyAll.class));
        if (own != null) {
            return own;
        }
        AccessRule inherited = declared(resourceClass.getAnnotation(PermitAll.class), resourceClass.getAnnotation(RolesAllowed.class),
                resourceClass.getAnnotation(DenyAll.class));
        return inherited != null ? inherited : NOBODY;
    }

    private static AccessRule declared(PermitAll permitAll, RolesAllowed rolesAllowed, DenyAll denyAll) {
        if (denyAll != null) {
            return NOBODY;
        }
        if (permitAll != null) {
            return new AccessRule(true, List.of());
        }
        return rolesAllowed != null ? new AccessRule(false, List.of(rolesAllowed.value())) : null;
    }
}
