package io.parley.conversations.boundary;

import io.parley.assistant.boundary.AnswerRelay;
import io.parley.assistant.boundary.Assistant;
import io.parley.conversations.boundary.Conversations.VisitorPost;
import io.parley.conversations.boundary.VisitorFrames.Feedback;
import io.parley.conversations.boundary.VisitorFrames.Resume;
import io.parley.conversations.boundary.VisitorFrames.StartSession;
import io.parley.conversations.boundary.VisitorFrames.UserMessage;
import io.parley.conversations.boundary.VisitorFrames.VisitorJoin;
import io.parley.conversations.control.Transcript.Appended;
import io.parley.conversations.entity.SessionStatus;
import io.parley.push.boundary.Push;
import io.parley.routing.boundary.AgentRequests;
import io.parley.settings.boundary.Settings;
import io.parley.visitors.boundary.LiveVisitors;
import io.parley.push.boundary.ServerFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the frames of a visitor's socket do ({@link ChatEndpoint}). A socket is bound to at most one chat session: the
 * one it started or resumed last, kept with the socket. Every frame is answered per docs/protocol.md; a bad frame gets
 * an error and changes nothing. The assistant answers only while the session is {@code active}; once the visitor asked
 * for a person, their messages go to the agents.
 */
@ApplicationScoped
public class VisitorChannel {

    private static final Logger LOG = System.getLogger(VisitorChannel.class.getName());
    private static final String SESSION = "parley.visitor.session";

    @Inject
    FrameReader frames;

    @Inject
    FrameDispatcher dispatcher;

    @Inject
    Conversations conversations;

    @Inject
    VisitorMessageWriter messages;

    @Inject
    Assistant assistant;

    @Inject
    AnswerRelay answers;

    @Inject
    Push push;

    @Inject
    AgentRequests agentRequests;

    @Inject
    LiveVisitors liveVisitors;

    @Inject
    Settings settings;

    public void receive(Session socket, String raw) {
        dispatcher.dispatch(socket, raw, frame -> {
            switch (frame.type()) {
                case "start_session" -> startSession(socket, frame);
                case "resume" -> resume(socket, frame);
                case "user_message" -> userMessage(socket, frame);
                case "request_agent" -> requestAgent(socket, frame);
                case "typing_start", "typing_stop" -> typing(socket, frame);
                case "visitor_join" -> visitorJoin(socket, frame);
                case "end_session" -> endSession(socket, frame);
                case "feedback" -> feedback(socket, frame);
                default -> throw dispatcher.unknown(frame);
            }
        });
    }

    public void closed(Session socket) {
        liveVisitors.leave(socket);
        push.forget(socket);
    }

    public void failed(Session socket, Throwable error) {
        LOG.log(Level.DEBUG, "Visitor socket {0} failed: {1}", socket.getId(), error.toString());
    }

    private void startSession(Session socket, ClientFrame frame) {
        StartSession start = frames.data(frame, StartSession.class);
        started(socket, frame, conversations.start(start.visitorMeta()), Map.of());
    }

    /** Replays after {@code afterSeq}; a session idle past the timeout is over, and a new one starts in its place. */
    private void resume(Session socket, ClientFrame frame) {
        Resume resume = frames.data(frame, Resume.class);
        Conversations.Resumed resumed = conversations.resume(resume.sessionId(), resume.sessionToken(), resume.afterSeq());
        if (resumed.replacement().isPresent()) {
            push.toAgents(resume.sessionId(), ServerFrame.event("session_ended", Map.of("sessionId", resume.sessionId(), "by", "expiry")));
            started(socket, frame, resumed.replacement().get(), Map.of("expiredSessionId", resume.sessionId()));
            return;
        }
        String sessionId = follow(socket, resumed.session().id());
        push.send(socket, ServerFrame.event("session_resumed", Map.of(
                "sessionId", sessionId,
                "messages", WireMessage.of(resumed.messages()))));
        dispatcher.acknowledge(socket, frame, Map.of("sessionId", sessionId, "lastSeq", resumed.session().lastSeq()));
    }

    private void started(Session socket, ClientFrame frame, Conversations.Started started, Map<String, String> why) {
        String sessionId = follow(socket, started.session().id());
        Map<String, Object> data = new LinkedHashMap<>(Map.of(
                "sessionId", sessionId,
                "sessionToken", started.token(),
                "welcomeMessage", settings.welcomeMessage()));
        data.putAll(why);
        push.send(socket, ServerFrame.event("session_started", data));
        dispatcher.acknowledge(socket, frame, Map.of("sessionId", sessionId));
        push.toAgents(sessionId, ServerFrame.event("session_update", Map.of("session", SessionView.of(started.session()))));
    }

    private void userMessage(Session socket, ClientFrame frame) {
        String session = boundSession(socket, frame);
        UserMessage message = frames.data(frame, UserMessage.class);
        String attachmentId = message.attachmentUrl() == null ? null : AttachmentLink.id(message.attachmentUrl())
                .orElseThrow(() -> new FrameException("invalid", "attachmentUrl names no image sent to Parley", frame.ref()));
        Appended posted = messages.post(new VisitorPost(session, message.text(), message.clientMsgId(), attachmentId));
        WireMessage stored = WireMessage.of(posted.message());
        dispatcher.acknowledge(socket, frame, Map.of("message", stored));
        if (posted.duplicate()) {
            return;
        }
        toAgents(stored);
        if (posted.session().status() != SessionStatus.ACTIVE) {
            return;
        }
        answers.answer(session, message.text());
    }

    /** The visitor rates one of the assistant's answers in their session; rating again replaces the rating. */
    private void feedback(Session socket, ClientFrame frame) {
        Feedback feedback = frames.data(frame, Feedback.class);
        assistant.feedback(boundSession(socket, frame), feedback.messageId(), feedback.helpful());
        dispatcher.acknowledge(socket, frame, Map.of("messageId", feedback.messageId(), "helpful", feedback.helpful()));
    }

    /**
     * Asks for a person: the session joins the queue with the visitor's countdown; when nobody can come now (outside
     * business hours, when it is not queued; nobody online) the visitor is also offered the offline form. Asking
     * again changes nothing.
     */
    private void requestAgent(Session socket, ClientFrame frame) {
        dispatcher.acknowledge(socket, frame, agentRequests.request(boundSession(socket, frame), AgentRequests.VISITOR_REQUEST));
    }

    /** The visitor is on the site (chatting or not): agents see them among the live visitors and may start a chat. */
    private void visitorJoin(Session socket, ClientFrame frame) {
        VisitorJoin join = frames.data(frame, VisitorJoin.class);
        dispatcher.acknowledge(socket, frame, Map.of("visitorId", liveVisitors.join(socket, join.page(), join.referrer())));
    }

    /** Shown to the agents on the session as {@code display_typing}; nothing is stored. */
    private void typing(Session socket, ClientFrame frame) {
        String session = boundSession(socket, frame);
        push.toAgents(session, ServerFrame.event("display_typing",
                Map.of("sessionId", session, "sender", "user", "isTyping", frame.type().equals("typing_start"))));
        dispatcher.acknowledge(socket, frame, Map.of("sessionId", session));
    }

    private void endSession(Session socket, ClientFrame frame) {
        String session = boundSession(socket, frame);
        conversations.end(session);
        push.send(socket, ServerFrame.event("session_ended", Map.of("sessionId", session)));
        dispatcher.acknowledge(socket, frame, Map.of("sessionId", session));
        push.toAgents(session, ServerFrame.event("session_ended", Map.of("sessionId", session)));
    }

    /** Binds the socket to the session: its frames act on it, and its events reach the socket. */
    private String follow(Session socket, String sessionId) {
        socket.getUserProperties().put(SESSION, sessionId);
        push.followAsVisitor(sessionId, socket);
        return sessionId;
    }

    private void toAgents(WireMessage message) {
        push.toAgents(message.sessionId(), ServerFrame.event("new_message", Map.of("message", message)));
    }

    private String boundSession(Session socket, ClientFrame frame) {
        if (!(socket.getUserProperties().get(SESSION) instanceof String sessionId)) {
            throw new FrameException("no_session", "Start or resume a session first", frame.ref());
        }
        return sessionId;
    }
}
