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

/**
 * Failed sign-ins counted per email from one client address, and per client address; either reaching its limit
 * refuses further tries for a while. An account is never refused as a whole: failures from one address cannot lock
 * its owner out when they sign in from another. Guessing one account from many addresses stays bounded by the
 * limit per address and by the password policy (docs/security.md).
 */
@ApplicationScoped
public class LoginThrottles {

    @Inject
    @ConfigProperty(name = "parley.auth.max-failures-per-email")
    int perEmailAndAddress;

    @Inject
    @ConfigProperty(name = "parley.auth.max-failures-per-address")
    int perAddress;

    @Inject
    @ConfigProperty(name = "parley.auth.failure-window-minutes")
    int windowMinutes;

    private LoginThrottle emailsFromAddresses;
    private LoginThrottle addresses;

    @PostConstruct
    void create() {
        Duration window = Duration.ofMinutes(windowMinutes);
        emailsFromAddresses = new LoginThrottle(perEmailAndAddress, window, Clock.systemUTC());
        addresses = new LoginThrottle(perAddress, window, Clock.systemUTC());
    }

    /** @throws Refusal (too many requests, with the time to wait) while either key is over its limit */
    public void requireAllowed(String email, String address) {
        Optional<Duration> wait = Stream.of(emailsFromAddresses.retryAfter(key(email, address)), addresses.retryAfter(address))
                .flatMap(Optional::stream).max(Comparator.naturalOrder());
        if (wait.isPresent()) {
            throw Refusal.tooManyRequests("Too many failed sign-ins: try again later", wait.get());
        }
    }

    public void failed(String email, String address) {
        emailsFromAddresses.recordFailure(key(email, address));
        addresses.recordFailure(address);
    }

    public void succeeded(String email, String address) {
        emailsFromAddresses.forget(key(email, address));
    }

    private static String key(String email, String address) {
        return email + " from " + address;
    }
}
