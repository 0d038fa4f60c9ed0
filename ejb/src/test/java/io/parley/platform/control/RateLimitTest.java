package io.parley.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.platform.entity.BadSetting;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void aBurstUpToTheAmountPassesAndThenTheKeyWaitsForTheRefill() {
        RateLimit limit = RateLimit.parse("parley.limits.test", "3/30s");
        assertThat(limit.take("visitor", 1)).isEmpty();
        assertThat(limit.take("visitor", 1)).isEmpty();
        assertThat(limit.take("visitor", 1)).isEmpty();
        assertThat(limit.take("visitor", 1)).as("one comes back every 10 s").hasValueSatisfying(wait ->
                assertThat(wait).isGreaterThan(Duration.ofSeconds(9)).isLessThanOrEqualTo(Duration.ofSeconds(10)));
        assertThat(limit.take("somebody else", 1)).as("each key has its own allowance").isEmpty();
    }

    @Test
    void whatIsGivenBackMayBeTakenAgainAndMoreThanTheWholeAmountNeverPasses() {
        RateLimit limit = RateLimit.parse("parley.limits.test", "100/1h");
        assertThat(limit.take("session", 100)).isEmpty();
        assertThat(limit.take("session", 1)).isPresent();
        limit.giveBack("session", 40);
        assertThat(limit.take("session", 40)).isEmpty();
        assertThat(RateLimit.parse("parley.limits.test", "100/1h").take("session", 101)).as("larger than the allowance").contains(Duration.ofHours(1));
    }

    @Test
    void aKeyThatUsedUpItsAllowanceIsToldHowLongUntilItHasSomeAgain() {
        RateLimit limit = RateLimit.parse("parley.limits.test", "2/1m");
        assertThat(limit.untilAvailable("never seen")).isEmpty();
        limit.take("address", 1);
        assertThat(limit.untilAvailable("address")).as("one left").isEmpty();
        limit.take("address", 1);
        assertThat(limit.untilAvailable("address")).as("half a minute refills one of two a minute")
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void aSettingThatIsNoAmountPerWindowIsRefusedNamingTheSetting() {
        for (String bad : new String[] {"", "20", "20/", "0/1m", "20/0s", "20/1d", "-1/1m", "twenty/1m"}) {
            assertThatThrownBy(() -> RateLimit.parse("parley.limits.session-messages", bad)).as("'%s'", bad)
                    .isInstanceOf(BadSetting.class).hasMessageContaining("PARLEY_LIMITS_SESSION_MESSAGES (parley.limits.session-messages)")
                    .hasMessageContaining("such as 20/30s");
        }
        assertThat(RateLimit.parse("x", " 600 / 1m ")).hasToString("600 per 1m");
        assertThat(RateLimit.parse("x", "5/2h")).hasToString("5 per 2h");
    }
}
