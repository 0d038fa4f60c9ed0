package io.parley.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/** The path of a request inside Parley, as the container decoded and mapped it. */
final class RequestPath {

    private RequestPath() {
    }

    /**
     * Servlet path plus path info rather than the raw request URI: that is the path the container serves, so
     * {@code /%61dmin/} cannot slip past a rule for {@code /admin/}.
     */
    static String of(HttpServletRequest request) {
        return request.getServletPath() + Objects.toString(request.getPathInfo(), "");
    }
}
