package io.parley.push.boundary;

import io.parley.assistant.entity.AnswerStored;
import io.parley.assistant.entity.AnswerStreamed;
import io.parley.conversations.entity.Assigned;
import io.parley.conversations.entity.ChatInitiated;
import io.parley.conversations.entity.MessageStored;
import io.parley.conversations.entity.NoteAdded;
import io.parley.conversations.entity.NoticeStored;
import io.parley.conversations.entity.Sender;
import io.parley.conversations.entity.SessionChanged;
import io.parley.conversations.entity.SessionEnded;
import io.parley.conversations.entity.Typing;
import io.parley.identity.entity.AccessRevoked;
import io.parley.notifications.entity.NotificationCreated;
import io.parley.routing.entity.AgentRequested;
import io.parley.routing.entity.AssignmentLapsed;
import io.parley.visitors.boundary.LiveVisitors;
import io.parley.visitors.entity.LiveVisitorsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * What the business announces, turned into frames for the people who may see it, once it is committed (an event of a
 * transaction that rolls back is never sent). Observers run on the thread that committed — a request's, a message
 * writer's, the routing clock's — and only hand frames to {@link Push}, which sends without waiting. Events that store
 * nothing (the words of an answer being written, typing) are sent as they happen.
 */
@ApplicationScoped
public class EventFrames {

    @Inject
    Push push;

    @Inject
    LiveVisitors liveVisitors;

    void messageStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageStored stored) {
        if (stored.message().sender() == Sender.AGENT) {
            push.toVisitor(stored.session().id(), Frames.agentMessage(stored.message()));
        }
        push.toAgents(stored.session(), Frames.newMessage(stored.message()));
    }

    void noticeStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticeStored stored) {
        push.toVisitor(stored.session().id(), Frames.systemMessage(stored));
        push.toAgents(stored.session(), Frames.newMessage(stored.message()));
    }

    void answerStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) AnswerStored answer) {
        push.toVisitor(answer.session().id(), Frames.botMessage(answer));
        push.toAgents(answer.session(), Frames.newMessage(answer.message()));
    }

    void answerStreamed(@Observes AnswerStreamed words) {
        push.toVisitor(words.sessionId(), Frames.botStream(words));
    }

    void sessionChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionChanged change) {
        push.toAgents(change.session(), Frames.sessionUpdate(change.session()), Frames.sessionHidden(change.session()));
    }

    void sessionEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded ended) {
        push.toVisitor(ended.session().id(), Frames.sessionEnded(ended));
        push.toAgents(ended.session(), Frames.sessionUpdate(ended.session()), Frames.sessionHidden(ended.session()));
        push.toAgents(ended.session(), Frames.sessionEnded(ended));
    }

    void agentRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentRequested request) {
        push.toAgents(request.session(), Frames.agentRequest(request.session(), request.reason()));
    }

    void assigned(@Observes(during = TransactionPhase.AFTER_SUCCESS) Assigned assignment) {
        push.toUser(assignment.session().assignedAgentId(), Frames.sessionAssigned(assignment.session()));
    }

    void assignmentLapsed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AssignmentLapsed lapse) {
        push.toUser(lapse.agentId(), Frames.assignmentLapsed(lapse.sessionId(), lapse.status()));
    }

    void noteAdded(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoteAdded added) {
        push.toAgents(added.session(), Frames.internalNote(added.note()));
    }

    void typing(@Observes Typing typing) {
        if (typing.sender() == Sender.AGENT) {
            push.toVisitor(typing.session().id(), Frames.displayTyping(typing));
        }
        push.toAgents(typing.session(), Frames.displayTyping(typing));
    }

    void chatInitiated(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatInitiated initiated) {
        liveVisitors.find(initiated.visitorId()).ifPresent(visitor -> push.send(visitor.socket(), Frames.agentInitiatedChat(initiated)));
    }

    void notificationCreated(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationCreated created) {
        push.toUser(created.notification().userId(), Frames.newNotification(created.notification()));
    }

    void liveVisitorsChanged(@Observes LiveVisitorsChanged change) {
        push.toFeed(Frames.liveVisitorsChanged(change));
    }

    void accessRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessRevoked revoked) {
        push.revoke(revoked.userId(), revoked.reason());
    }
}
