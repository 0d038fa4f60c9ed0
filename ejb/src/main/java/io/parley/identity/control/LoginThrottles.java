package io.parley.identity.control;

import io.parley.platform.entity.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Failed sign-ins counted per email and per client address; either reaching its limit refuses further tries for a while. */
@ApplicationScoped
public class LoginThrottles {

    @Inject
    @ConfigProperty(name = "parley.auth.max-failures-per-email")
    int perEmail;

    @Inject
    @ConfigProperty(name = "parley.auth.max-failures-per-address")
    int perAddress;

    @Inject
    @ConfigProperty(name = "parley.auth.failure-window-minutes")
    int windowMinutes;

    private LoginThrottle emails;
    private LoginThrottle addresses;

    @PostConstruct
    void create() {
        Duration window = Duration.ofMinutes(windowMinutes);
        emails = new LoginThrottle(perEmail, window, Clock.systemUTC());
        addresses = new LoginThrottle(perAddress, window, Clock.systemUTC());
    }

    /** @throws Refusal (too many requests, with the time to wait) while either key is over its limit */
    public void requireAllowed(String email, String address) {
        Optional<Duration> wait = Stream.of(emails.retryAfter(email), addresses.retryAfter(address))
                .flatMap(Optional::stream).max(Comparator.naturalOrder());
        if (wait.isPresent()) {
            throw Refusal.tooManyRequests("Too many failed sign-ins: try again later", wait.get());
        }
    }

    public void failed(String email, String address) {
        emails.recordFailure(email);
        addresses.recordFailure(address);
    }

    public void succeeded(String email) {
        emails.forget(email);
    }
}
