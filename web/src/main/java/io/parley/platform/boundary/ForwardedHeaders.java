package io.parley.platform.boundary;

import io.parley.platform.control.HttpPolicy;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * First of the HTTP surface's filters (web.xml): a request from a trusted proxy goes on as its client sent it, with the
 * client's scheme and address from {@code X-Forwarded-Proto} and {@code X-Forwarded-For}; from anybody else those
 * headers change nothing.
 */
public class ForwardedHeaders extends HttpFilter {

    @Inject
    HttpPolicy policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(policy.trustedProxies().view(request), response);
    }
}
