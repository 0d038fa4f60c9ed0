package io.parley.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-11-24T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aKeyIsRefusedAfterItsLimitUntilTheWindowThatItsFirstFailureOpenedIsOver() {
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), clock);
        throttle.recordFailure("a@example.com");
        now = now.plusSeconds(60);
        throttle.recordFailure("a@example.com");
        assertThat(throttle.retryAfter("a@example.com")).isEmpty();
        throttle.recordFailure("a@example.com");
        assertThat(throttle.retryAfter("a@example.com")).contains(Duration.ofMinutes(14));
        assertThat(throttle.retryAfter("b@example.com")).as("other keys are not affected").isEmpty();

        now = now.plus(Duration.ofMinutes(14));
        assertThat(throttle.retryAfter("a@example.com")).isEmpty();
        throttle.recordFailure("a@example.com");
        assertThat(throttle.retryAfter("a@example.com")).as("a new window starts from one").isEmpty();
    }

    @Test
    void successForgetsTheFailures() {
        LoginThrottle throttle = new LoginThrottle(2, Duration.ofMinutes(15), clock);
        throttle.recordFailure("a@example.com");
        throttle.forget("a@example.com");
        throttle.recordFailure("a@example.com");
        assertThat(throttle.retryAfter("a@example.com")).isEmpty();
    }

    @Test
    void aFloodOfKeysStaysBounded() {
        LoginThrottle throttle = new LoginThrottle(1, Duration.ofMinutes(15), clock);
        throttle.recordFailure("first@example.com");
        for (int i = 0; i < LoginThrottle.MAX_KEYS; i++) {
            now = now.plusMillis(1);
            throttle.recordFailure("flood" + i + "@example.com");
        }
        assertThat(throttle.retryAfter("first@example.com")).as("the oldest key made room").isEmpty();
        assertThat(throttle.retryAfter("flood" + (LoginThrottle.MAX_KEYS - 1) + "@example.com")).isPresent();
    }
}
