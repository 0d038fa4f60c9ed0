package io.parley.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    private static final LocalDateTime ROTATION = LocalDateTime.parse("2026-12-01T12:00:00");

    @Test
    void aKeySignsFromItsTimeAndVerifiesUntilTheKeyAfterItHasOutlivedItsTokens() {
        SigningKey old = new SigningKey("k1", "public", "sealed", ROTATION.minusDays(30));
        SigningKey next = new SigningKey("k2", "public", "sealed", ROTATION.plusSeconds(15));
        assertThat(next.signsAt(ROTATION)).as("published before it signs").isFalse();
        assertThat(next.signsAt(ROTATION.plusSeconds(15))).isTrue();
        assertThat(old.verifiesAt(ROTATION.plusYears(1))).as("the newest key verifies for as long as it is the newest").isTrue();

        old.replacedUntil(ROTATION.plusHours(8));
        assertThat(old.verifiesAt(ROTATION.plusHours(8).minusSeconds(1))).isTrue();
        assertThat(old.verifiesAt(ROTATION.plusHours(8))).isFalse();

        old.replacedUntil(ROTATION.plusHours(20));
        assertThat(old.verifiesAt(ROTATION.plusHours(9))).as("a second rotation does not lengthen an old key's life").isFalse();
    }
}
