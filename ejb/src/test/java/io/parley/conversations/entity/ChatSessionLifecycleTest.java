package io.parley.conversations.entity;

import io.parley.platform.entity.Refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.EnumMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every move from every state a session can be in: the allowed ones and what they lead to, and the refused ones, which
 * change nothing. The starting states own the session to "ada"; the moves give it to "bob".
 */
class ChatSessionLifecycleTest {

    /** Where the session is before the move, and how it got there through the lifecycle. */
    enum Start {
        ACTIVE("active", SessionStatus.ACTIVE, session -> { }),
        WAITING("waiting in the queue", SessionStatus.WAITING_AGENT, session -> session.queueForAgent("asked")),
        ROUTED("routed to ada, not taken up", SessionStatus.ASSIGNED, session -> {
            session.queueForAgent("asked");
            session.routeTo("ada");
        }),
        TAKEN_UP("taken by ada", SessionStatus.ASSIGNED, session -> session.takeBy("ada")),
        GIVEN("given to ada by an admin, never waited", SessionStatus.ASSIGNED, session -> session.giveTo("ada", "admin")),
        RESOLVED("resolved by ada", SessionStatus.RESOLVED, session -> {
            session.takeBy("ada");
            session.resolve("ada");
        }),
        CLOSED("ended by the visitor", SessionStatus.CLOSED, session -> {
            session.takeBy("ada");
            session.endByVisitor();
        });

        final String description;
        final SessionStatus status;
        final Consumer<ChatSession> path;

        Start(String description, SessionStatus status, Consumer<ChatSession> path) {
            this.description = description;
            this.status = status;
            this.path = path;
        }

        ChatSession session() {
            ChatSession session = new ChatSession("hash", null);
            path.accept(session);
            session.nextSeq();
            assertThat(session.status()).as("set-up of %s", this).isEqualTo(status);
            return session;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** One of the transitions, with the actor it is expected to record. */
    enum Move {
        QUEUE_FOR_AGENT("queueForAgent(asked)", null, session -> session.queueForAgent("asked")),
        ROUTE_TO("routeTo(bob)", null, session -> session.routeTo("bob")),
        GIVE_TO("giveTo(bob, by admin)", "admin", session -> session.giveTo("bob", "admin")),
        GIVE_TO_ONESELF("giveTo(bob, by bob)", "bob", session -> session.giveTo("bob", "bob")),
        TAKE_BY("takeBy(bob)", "bob", session -> session.takeBy("bob")),
        LAPSE("lapse()", null, ChatSession::lapse),
        RELEASE_TO_ASSISTANT("releaseToAssistant(by ada)", "ada", session -> session.releaseToAssistant("ada")),
        RELEASE_TO_QUEUE("releaseToQueue(by ada)", "ada", session -> session.releaseToQueue("ada")),
        STOP_WAITING("stopWaiting()", null, ChatSession::stopWaiting),
        RESOLVE("resolve(by ada)", "ada", session -> session.resolve("ada")),
        END_BY_VISITOR("endByVisitor()", null, ChatSession::endByVisitor),
        EXPIRE("expire()", null, ChatSession::expire);

        final String call;
        final String actor;
        final Function<ChatSession, SessionTransition> action;

        Move(String call, String actor, Function<ChatSession, SessionTransition> action) {
            this.call = call;
            this.actor = actor;
            this.action = action;
        }

        @Override
        public String toString() {
            return call;
        }
    }

    enum Owner {
        NOBODY, BOB, KEPT;

        String after(String before) {
            return switch (this) {
                case NOBODY -> null;
                case BOB -> "bob";
                case KEPT -> before;
            };
        }
    }

    enum Countdown {
        NONE, STARTED_NOW, KEPT;

        LocalDateTime after(LocalDateTime before, SessionTransition transition) {
            return switch (this) {
                case NONE -> null;
                case STARTED_NOW -> transition.changedAt();
                case KEPT -> before;
            };
        }
    }

    /** What a move leads to: allowed (the new status, owner, countdown and whether it is taken up) or refused with a code. */
    record Outcome(SessionStatus status, Owner owner, Countdown countdown, boolean takenUp, String refusal) {

        static Outcome refused(String code) {
            return new Outcome(null, null, null, false, code);
        }

        boolean allowed() {
            return refusal == null;
        }

        @Override
        public String toString() {
            return allowed()
                    ? status + ", owner " + owner + ", countdown " + countdown + (takenUp ? ", taken up" : ", not taken up")
                    : "refused (" + refusal + ")";
        }
    }

    private static final Outcome QUEUED_AFRESH = new Outcome(SessionStatus.WAITING_AGENT, Owner.NOBODY, Countdown.STARTED_NOW, false, null);
    private static final Outcome QUEUED_STILL_COUNTING = new Outcome(SessionStatus.WAITING_AGENT, Owner.NOBODY, Countdown.KEPT, false, null);
    private static final Outcome ASSIGNED_TO_BOB = new Outcome(SessionStatus.ASSIGNED, Owner.BOB, Countdown.KEPT, false, null);
    private static final Outcome TAKEN_UP_BY_BOB = new Outcome(SessionStatus.ASSIGNED, Owner.BOB, Countdown.KEPT, true, null);
    private static final Outcome BACK_WITH_THE_ASSISTANT = new Outcome(SessionStatus.ACTIVE, Owner.NOBODY, Countdown.NONE, false, null);
    private static final Outcome RESOLVED_KEEPING_OWNER = new Outcome(SessionStatus.RESOLVED, Owner.KEPT, Countdown.KEPT, false, null);
    private static final Outcome CLOSED_KEEPING_OWNER = new Outcome(SessionStatus.CLOSED, Owner.KEPT, Countdown.KEPT, false, null);

    private static final EnumSet<Start> OPEN = EnumSet.of(Start.ACTIVE, Start.WAITING, Start.ROUTED, Start.TAKEN_UP, Start.GIVEN);
    private static final EnumSet<Start> WITH_AN_AGENT = EnumSet.of(Start.ROUTED, Start.TAKEN_UP, Start.GIVEN);

    /** The state machine: every allowed move and where it leads. Any other move is refused. */
    private static final Map<Move, Map<Start, Outcome>> ALLOWED = Map.ofEntries(
            Map.entry(Move.QUEUE_FOR_AGENT, Map.of(Start.ACTIVE, QUEUED_AFRESH)),
            Map.entry(Move.ROUTE_TO, Map.of(Start.WAITING, ASSIGNED_TO_BOB)),
            Map.entry(Move.GIVE_TO, from(OPEN, ASSIGNED_TO_BOB)),
            Map.entry(Move.GIVE_TO_ONESELF, from(OPEN, TAKEN_UP_BY_BOB)),
            Map.entry(Move.TAKE_BY, Map.of(Start.ACTIVE, TAKEN_UP_BY_BOB, Start.WAITING, TAKEN_UP_BY_BOB)),
            Map.entry(Move.LAPSE, Map.of(Start.ROUTED, QUEUED_STILL_COUNTING, Start.GIVEN, QUEUED_AFRESH)),
            Map.entry(Move.RELEASE_TO_ASSISTANT, from(WITH_AN_AGENT, BACK_WITH_THE_ASSISTANT)),
            Map.entry(Move.RELEASE_TO_QUEUE, from(WITH_AN_AGENT, QUEUED_AFRESH)),
            Map.entry(Move.STOP_WAITING, Map.of(Start.WAITING, BACK_WITH_THE_ASSISTANT)),
            Map.entry(Move.RESOLVE, from(OPEN, RESOLVED_KEEPING_OWNER)),
            Map.entry(Move.END_BY_VISITOR, from(OPEN, CLOSED_KEEPING_OWNER)),
            Map.entry(Move.EXPIRE, from(OPEN, CLOSED_KEEPING_OWNER)));

    private static Map<Start, Outcome> from(EnumSet<Start> starts, Outcome outcome) {
        Map<Start, Outcome> outcomes = new EnumMap<>(Start.class);
        starts.forEach(start -> outcomes.put(start, outcome));
        return outcomes;
    }

    private static Outcome expected(Start start, Move move) {
        Outcome allowed = ALLOWED.get(move).get(start);
        if (allowed != null) {
            return allowed;
        }
        return Outcome.refused(start.status.isOpen() ? "invalid_transition" : "session_closed");
    }

    static Stream<Arguments> everyMoveFromEveryState() {
        List<Arguments> cases = new ArrayList<>();
        for (Start start : Start.values()) {
            for (Move move : Move.values()) {
                cases.add(Arguments.of(start, move, expected(start, move)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "from {0}, {1} -> {2}")
    @MethodSource("everyMoveFromEveryState")
    void everyMoveFromEveryState(Start start, Move move, Outcome outcome) {
        ChatSession session = start.session();
        Snapshot before = Snapshot.of(session);
        String scenario = "from " + start + ", " + move;
        if (outcome.allowed()) {
            SessionTransition transition = move.action.apply(session);
            assertThat(session.status()).as("%s: status", scenario).isEqualTo(outcome.status());
            assertThat(session.assignedAgentId()).as("%s: owner", scenario).isEqualTo(outcome.owner().after(before.owner()));
            assertThat(session.waitingSince()).as("%s: countdown", scenario)
                    .isEqualTo(outcome.countdown().after(before.waitingSince(), transition));
            assertThat(session.accepted()).as("%s: taken up", scenario).isEqualTo(outcome.takenUp());
            assertThat(session.lastSeq()).as("%s: messages", scenario).isEqualTo(before.lastSeq());
            assertThat(transition.from()).as("%s: transition from", scenario).isEqualTo(start.status);
            assertThat(transition.to()).as("%s: transition to", scenario).isEqualTo(outcome.status());
            assertThat(transition.agentId()).as("%s: transition's agent", scenario).isEqualTo(session.assignedAgentId());
            assertThat(transition.actorId()).as("%s: transition's actor", scenario).isEqualTo(move.actor);
            assertThat(transition.changedAt()).as("%s: transition's time", scenario)
                    .isAfter(before.lastActivityAt()).isEqualTo(session.lastActivityAt());
            assertThat(transition.reason()).as("%s: reason", scenario).isEqualTo(move == Move.QUEUE_FOR_AGENT ? "asked" : null);
        } else {
            Refusal refusal = catchThrowableOfType(() -> move.action.apply(session), Refusal.class);
            assertThat(refusal).as("%s: refused", scenario).isNotNull();
            assertThat(refusal.code()).as("%s: code", scenario).isEqualTo(outcome.refusal());
            assertThat(refusal.getMessage()).as("%s: message", scenario)
                    .matches(outcome.refusal().equals("session_closed") ? "This chat session has ended" : "A conversation that is .+ cannot .+");
            assertThat(Snapshot.of(session)).as("%s: nothing changed", scenario).isEqualTo(before);
        }
    }

    @Test
    void aRefusalNamesTheStatusAndTheMove() {
        assertThatThrownBy(() -> Start.ROUTED.session().queueForAgent("asked")).hasMessage("A conversation that is assigned cannot join the queue");
        assertThatThrownBy(() -> Start.TAKEN_UP.session().lapse()).hasMessage("A conversation that is assigned and taken up cannot lapse");
        assertThatThrownBy(() -> Start.ACTIVE.session().routeTo("bob")).hasMessage("A conversation that is active cannot be routed to an agent");
        assertThatThrownBy(() -> Start.WAITING.session().releaseToQueue("ada"))
                .hasMessage("A conversation that is waiting for an agent cannot go back to the queue");
    }

    @Test
    void givingAConversationToItsOwnerAgainRecordsATransition() {
        ChatSession session = Start.ROUTED.session();
        SessionTransition transition = session.giveTo("ada", "admin");
        assertThat(transition.from()).isEqualTo(SessionStatus.ASSIGNED);
        assertThat(transition.to()).isEqualTo(SessionStatus.ASSIGNED);
        assertThat(session.assignedAgentId()).isEqualTo("ada");
    }

    @Test
    void theQueriesFollowTheStatus() {
        assertThat(Start.ACTIVE.session()).returns(false, ChatSession::isWaiting).returns(true, ChatSession::isUnowned).returns(false, ChatSession::hasAgent);
        assertThat(Start.WAITING.session()).returns(true, ChatSession::isWaiting).returns(true, ChatSession::isUnowned).returns(false, ChatSession::hasAgent);
        assertThat(Start.ROUTED.session()).returns(false, ChatSession::isWaiting).returns(false, ChatSession::isUnowned).returns(true, ChatSession::hasAgent);
        assertThat(Start.RESOLVED.session()).returns(false, ChatSession::isWaiting).returns(false, ChatSession::isUnowned).returns(false, ChatSession::hasAgent);
    }

    /** What a refused move must leave as it was. */
    record Snapshot(SessionStatus status, String owner, LocalDateTime waitingSince, boolean takenUp, long lastSeq, LocalDateTime lastActivityAt) {

        static Snapshot of(ChatSession session) {
            return new Snapshot(session.status(), session.assignedAgentId(), session.waitingSince(), session.accepted(),
                    session.lastSeq(), session.lastActivityAt());
        }
    }
}
