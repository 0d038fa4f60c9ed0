package io.parley.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.conversations.entity.SessionStatus;
import org.junit.jupiter.api.Test;

class WireNamesTest {

    @Test
    void anEnumIsWrittenAndReadInLowerCase() {
        assertThat(WireNames.of(SessionStatus.WAITING_AGENT)).isEqualTo("waiting_agent");
        assertThat(WireNames.parse(SessionStatus.class, "waiting_agent", "status")).isEqualTo(SessionStatus.WAITING_AGENT);
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> WireNames.parse(SessionStatus.class, "WAITING_AGENT", "status"))
                .isInstanceOf(Refusal.class)
                .hasMessage("Unknown status 'WAITING_AGENT': active, waiting_agent, assigned, resolved, closed");
    }
}
