package io.parley.identity.boundary;

import io.parley.identity.entity.Actor;
import io.parley.identity.entity.User;
import io.parley.platform.control.HttpPolicy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** Who is calling in this request: set by {@link AccessFilter} once the token is checked, read by resources. */
@RequestScoped
public class Caller {

    @Inject
    HttpServletRequest request;

    @Inject
    HttpPolicy policy;

    private User user;

    void signedIn(User signedIn) {
        this.user = signedIn;
    }

    public User user() {
        if (user == null) {
            throw new IllegalStateException("Only resources that require a role have a caller");
        }
        return user;
    }

    /** The client's address, through trusted proxies as {@link ForwardedHeaders} sees it. */
    public String clientAddress() {
        return policy.clientAddress(request);
    }

    public Actor actor() {
        return new Actor(user().id(), user().email(), clientAddress());
    }
}
