package io.parley.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.platform.entity.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottlesTest {

    private static final String OWNER = "owner@example.com";
    private final LoginThrottles throttles = new LoginThrottles();

    @BeforeEach
    void limits() {
        throttles.perEmailAndAddress = 5;
        throttles.perAddress = 20;
        throttles.windowMinutes = 15;
        throttles.create();
    }

    @Test
    void failuresFromOneAddressRefuseThatAddressButNotTheOwnerElsewhere() {
        for (int i = 0; i < 5; i++) {
            throttles.failed(OWNER, "203.0.113.9");
        }
        assertThatThrownBy(() -> throttles.requireAllowed(OWNER, "203.0.113.9")).isInstanceOf(Refusal.class)
                .satisfies(refusal -> assertThat(((Refusal) refusal).kind()).isEqualTo(Refusal.Kind.TOO_MANY_REQUESTS));
        assertThatCode(() -> throttles.requireAllowed(OWNER, "198.51.100.7")).doesNotThrowAnyException();
    }

    @Test
    void oneAddressGuessingManyAccountsIsRefusedForEveryAccount() {
        for (int i = 0; i < 20; i++) {
            throttles.failed("victim" + i + "@example.com", "203.0.113.9");
        }
        assertThatThrownBy(() -> throttles.requireAllowed("anyone@example.com", "203.0.113.9")).isInstanceOf(Refusal.class);
        assertThatCode(() -> throttles.requireAllowed("anyone@example.com", "198.51.100.7")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessClearsTheFailuresOfThatAccountFromThatAddressOnly() {
        for (int i = 0; i < 4; i++) {
            throttles.failed(OWNER, "203.0.113.9");
            throttles.failed(OWNER, "198.51.100.7");
        }
        throttles.succeeded(OWNER, "198.51.100.7");
        throttles.failed(OWNER, "198.51.100.7");
        throttles.failed(OWNER, "203.0.113.9");
        assertThatCode(() -> throttles.requireAllowed(OWNER, "198.51.100.7")).doesNotThrowAnyException();
        assertThatThrownBy(() -> throttles.requireAllowed(OWNER, "203.0.113.9")).isInstanceOf(Refusal.class);
    }
}
