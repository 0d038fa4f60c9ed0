package io.parley.routing.control;

import io.parley.platform.entity.UtcClock;
import io.parley.routing.control.AgentPicker.Strategy;
import io.parley.routing.entity.AgentPresence;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class AgentPickerTest {

    private static AgentPresence agent(String id, int capacity) {
        return new AgentPresence(id, capacity);
    }

    @Test
    void leastLoadedTakesTheAgentWithFewestConversations() {
        List<AgentPresence> online = List.of(agent("a", 5), agent("b", 5), agent("c", 5));
        assertThat(AgentPicker.pick(online, Map.of("a", 2L, "b", 1L, "c", 3L), Strategy.LEAST_LOADED))
                .map(AgentPresence::userId).contains("b");
    }

    @Test
    void nobodyWithoutRoomIsChosen() {
        List<AgentPresence> online = List.of(agent("a", 2), agent("b", 1));
        assertThat(AgentPicker.pick(online, Map.of("a", 2L, "b", 1L), Strategy.LEAST_LOADED)).isEmpty();
        assertThat(AgentPicker.pick(online, Map.of("a", 1L, "b", 1L), Strategy.ROUND_ROBIN)).map(AgentPresence::userId).contains("a");
        assertThat(AgentPicker.pick(List.of(), Map.of(), Strategy.ROUND_ROBIN)).isEmpty();
    }

    @Test
    void roundRobinTakesWhoeverWaitedLongestSinceTheirLastConversation() throws InterruptedException {
        AgentPresence first = agent("a", 5);
        AgentPresence second = agent("b", 5);
        first.assigned(UtcClock.now(), Duration.ofMinutes(1));
        Thread.sleep(5);
        second.assigned(UtcClock.now(), Duration.ofMinutes(1));
        AgentPresence never = agent("z", 5);
        assertThat(AgentPicker.pick(List.of(first, second), Map.of("a", 4L), Strategy.ROUND_ROBIN)).map(AgentPresence::userId).contains("a");
        assertThat(AgentPicker.pick(List.of(first, second, never), Map.of(), Strategy.ROUND_ROBIN)).map(AgentPresence::userId).contains("z");
    }

    @Test
    void theStrategySettingIsReadOrRefusedClearly() {
        assertThat(Strategy.of(" Round-Robin ")).isEqualTo(Strategy.ROUND_ROBIN);
        assertThat(Strategy.of("least-loaded")).isEqualTo(Strategy.LEAST_LOADED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Strategy.of("random")).hasMessageContaining("least-loaded or round-robin");
    }
}
