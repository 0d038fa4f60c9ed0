package io.parley.conversations.entity;

import io.parley.platform.entity.Refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatSessionTest {

    private final ChatSession session = new ChatSession("hash", new VisitorMeta("Grace", null, null, null, null, null));

    @Test
    void eventsInTheSameMillisecondStillFollowOneAnother() {
        List<LocalDateTime> times = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            session.queueForAgent("asked");
            times.add(session.lastActivityAt());
            session.nextSeq();
            times.add(session.lastActivityAt());
            session.routeTo("ada");
            times.add(session.lastActivityAt());
            session.releaseToAssistant("ada");
            times.add(session.lastActivityAt());
        }
        assertThat(times).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aConversationQueuedAgainKeepsTheTimeItHasWaitedSoFar() {
        session.queueForAgent("asked");
        LocalDateTime since = session.waitingSince();
        session.routeTo("ada");
        session.lapse();
        assertThat(session.waitingSince()).isEqualTo(since);
        session.stopWaiting();
        assertThat(session.waitingSince()).isNull();
    }

    @Test
    void aLapsedConversationIsNotOfferedBackToWhoLetItLapseUntilTheVisitorAsksAgain() {
        session.queueForAgent("asked");
        session.routeTo("ada");
        session.lapse();
        assertThat(session.mayBeOfferedTo("ada")).isFalse();
        assertThat(session.mayBeOfferedTo("bob")).isTrue();
        session.stopWaiting();
        session.queueForAgent("asked again");
        assertThat(session.mayBeOfferedTo("ada")).isTrue();
    }

    @Test
    void onlyTheOwnerTakesAnAssignmentUp() {
        session.queueForAgent("asked");
        session.routeTo("ada");
        session.acceptBy("bob");
        assertThat(session.accepted()).isFalse();
        session.acceptBy("ada");
        assertThat(session.accepted()).isTrue();
        session.giveTo("bob", "bob");
        assertThat(session.accepted()).as("agents who assign themselves take it up at once").isTrue();
    }

    @Test
    void theVisitorIsToldOfEachAgentWhoTakesItUpButNeverOfTheSameOneTwiceInARow() {
        session.queueForAgent("asked");
        session.routeTo("ada");
        assertThat(session.joinedBy("ada")).as("not taken up yet").isFalse();
        assertThat(session.acceptBy("ada")).isTrue();
        assertThat(session.acceptBy("ada")).as("taken up once").isFalse();
        assertThat(session.joinedBy("bob")).as("not bob's").isFalse();
        assertThat(session.joinedBy("ada")).isTrue();
        assertThat(session.joinedBy("ada")).isFalse();

        session.giveTo("bob", "admin");
        assertThat(session.acceptBy("bob")).isTrue();
        assertThat(session.joinedBy("bob")).as("a transfer, taken up").isTrue();

        session.releaseToAssistant("bob");
        session.takeBy("bob");
        assertThat(session.joinedBy("bob")).as("the same agent again, with nobody in between").isFalse();
    }

    @Test
    void aRatingIsAScoreFromOneToFiveAndRatingAgainReplacesIt() {
        assertThat(session.rating()).isNull();
        session.rate(2, "slow");
        session.endByVisitor();
        session.rate(5, null);
        assertThat(session.rating()).isEqualTo(5);
        assertThat(session.ratingComment()).isNull();
        assertThat(session.ratedAt()).isNotNull();
        assertThatThrownBy(() -> session.rate(6, null)).isInstanceOf(Refusal.class);
        assertThat(session.rating()).isEqualTo(5);
    }
}
