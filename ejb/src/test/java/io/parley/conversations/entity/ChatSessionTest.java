package io.parley.conversations.entity;

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
            session.moveTo(SessionStatus.WAITING_AGENT, null, null);
            times.add(session.lastActivityAt());
            session.nextSeq();
            times.add(session.lastActivityAt());
            session.moveTo(SessionStatus.ASSIGNED, "ada", null);
            times.add(session.lastActivityAt());
        }
        assertThat(times).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aConversationQueuedAgainKeepsTheTimeItHasWaitedSoFar() {
        session.moveTo(SessionStatus.WAITING_AGENT, null, null);
        LocalDateTime since = session.waitingSince();
        session.moveTo(SessionStatus.ASSIGNED, "ada", null);
        session.moveTo(SessionStatus.WAITING_AGENT, null, null);
        assertThat(session.waitingSince()).isEqualTo(since);
        session.moveTo(SessionStatus.ACTIVE, null, null);
        assertThat(session.waitingSince()).isNull();
    }

    @Test
    void onlyTheOwnerTakesAnAssignmentUp() {
        session.moveTo(SessionStatus.ASSIGNED, "ada", null);
        session.acceptBy("bob");
        assertThat(session.accepted()).isFalse();
        session.acceptBy("ada");
        assertThat(session.accepted()).isTrue();
        session.moveTo(SessionStatus.ASSIGNED, "bob", "bob");
        assertThat(session.accepted()).as("agents who assign themselves take it up at once").isTrue();
    }

    @Test
    void theVisitorIsToldOfEachAgentWhoTakesItUpButNeverOfTheSameOneTwiceInARow() {
        session.moveTo(SessionStatus.ASSIGNED, "ada", null);
        assertThat(session.joinedBy("ada")).as("not taken up yet").isFalse();
        assertThat(session.acceptBy("ada")).isTrue();
        assertThat(session.acceptBy("ada")).as("taken up once").isFalse();
        assertThat(session.joinedBy("bob")).as("not bob's").isFalse();
        assertThat(session.joinedBy("ada")).isTrue();
        assertThat(session.joinedBy("ada")).isFalse();

        session.moveTo(SessionStatus.ASSIGNED, "bob", "admin");
        assertThat(session.acceptBy("bob")).isTrue();
        assertThat(session.joinedBy("bob")).as("a transfer, taken up").isTrue();

        session.moveTo(SessionStatus.ACTIVE, null, "bob");
        session.moveTo(SessionStatus.ASSIGNED, "bob", "bob");
        assertThat(session.joinedBy("bob")).as("the same agent again, with nobody in between").isFalse();
    }

    @Test
    void aRatingIsAScoreFromOneToFiveAndRatingAgainReplacesIt() {
        assertThat(session.rating()).isNull();
        session.rate(2, "slow");
        session.moveTo(SessionStatus.CLOSED, null, null);
        session.rate(5, null);
        assertThat(session.rating()).isEqualTo(5);
        assertThat(session.ratingComment()).isNull();
        assertThat(session.ratedAt()).isNotNull();
        assertThatThrownBy(() -> session.rate(6, null)).isInstanceOf(ConversationException.class);
        assertThat(session.rating()).isEqualTo(5);
    }
}
