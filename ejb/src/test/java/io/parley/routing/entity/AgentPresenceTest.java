package io.parley.routing.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class AgentPresenceTest {

    private static final Duration ACCEPT_TIME = Duration.ofMinutes(1);
    private static final LocalDateTime NINE = LocalDateTime.of(2026, 12, 5, 9, 0);

    @Test
    void anOfferOnItsOwnThatLapsesSetsTheAgentAway() {
        AgentPresence presence = new AgentPresence("ada", 3);
        presence.assigned(NINE, ACCEPT_TIME);
        assertThat(presence.awayIfLapsed(NINE)).isTrue();
    }

    @Test
    void offersMadeWithinTheAcceptanceTimeOfEachOtherAreARunAndTheirLapsesLeaveTheAgentAsTheyAre() {
        AgentPresence presence = new AgentPresence("ada", 3);
        presence.assigned(NINE, ACCEPT_TIME);
        presence.assigned(NINE, ACCEPT_TIME); // in the same instant, as one drain of the queue does
        presence.assigned(NINE.plusSeconds(50), ACCEPT_TIME);
        presence.assigned(NINE.plusSeconds(100), ACCEPT_TIME);
        assertThat(presence.awayIfLapsed(NINE)).as("the first of the run").isFalse();
        assertThat(presence.awayIfLapsed(NINE.plusSeconds(100))).as("the last of the run").isFalse();
    }

    @Test
    void anOfferLaterThanTheAcceptanceTimeAfterTheLastStartsARunOfItsOwn() {
        AgentPresence presence = new AgentPresence("ada", 3);
        presence.assigned(NINE, ACCEPT_TIME);
        presence.assigned(NINE.plusSeconds(10), ACCEPT_TIME);
        LocalDateTime later = NINE.plusSeconds(70);
        presence.assigned(later, ACCEPT_TIME);
        assertThat(presence.awayIfLapsed(later)).as("alone in its run").isTrue();
        assertThat(presence.awayIfLapsed(NINE)).as("an offer of a run that is over: nothing is known of it any more").isTrue();
    }
}
