package io.parley.chat.boundary;

import io.parley.conversations.boundary.Conversations;
import io.parley.conversations.boundary.VisitorMessageWriter;
import io.parley.assistant.boundary.Assistant;
import io.parley.conversations.boundary.Conversations.VisitorPost;
import io.parley.chat.boundary.VisitorFrames.Feedback;
import io.parley.chat.boundary.VisitorFrames.Resume;
import io.parley.chat.boundary.VisitorFrames.StartSession;
import io.parley.chat.boundary.VisitorFrames.UserMessage;
import io.parley.chat.boundary.VisitorFrames.VisitorJoin;
import io.parley.conversations.entity.ChatMessage;
import io.parley.push.boundary.AttachmentLink;
import io.parley.push.boundary.ClientFrame;
import io.parley.push.boundary.FrameDispatcher;
import io.parley.push.boundary.FrameException;
import io.parley.push.boundary.FrameReader;
import io.parley.push.boundary.Frames;
import io.parley.push.boundary.Push;
import io.parley.push.boundary.Replays;
import io.parley.push.boundary.SocketTimers;
import io.parley.push.boundary.WireMessage;
import io.parley.platform.boundary.HandshakeOrigins;
import io.parley.platform.boundary.VisitorLimits;
import io.parley.routing.boundary.Routing;
import io.parley.settings.boundary.Settings;
import io.parley.visitors.boundary.LiveVisitors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the frames of a visitor's socket do ({@link ChatEndpoint}). A socket is bound to at most one chat session: the
 * one it started or resumed last, kept with the socket. Every frame is read, handed to one boundary, and answered per
 * docs/protocol.md; a bad frame gets an error and changes nothing. What the frames cause for others (the agents' inbox,
 * the assistant's answer) follows from the events the boundaries announce. Starting sessions, messages and requests for
 * a person are held to the {@link VisitorLimits} of the session and of the socket's client address, and every refused
 * frame counts against the address.
 */
@ApplicationScoped
public class VisitorChannel {

    private static final Logger LOG = System.getLogger(VisitorChannel.class.getName());
    private static final String SESSION = "parley.visitor.session";
    /** Why a session the visitor asked a person for went to the agents: they pressed the button. */
    static final String VISITOR_REQUEST = "visitor_request";
    /** A client that goes on sending what is refused after it was told. */
    static final CloseReason GOES_ON = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "too many requests: wait before connecting again");

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
    Push push;

    @Inject
    Routing routing;

    @Inject
    LiveVisitors liveVisitors;

    @Inject
    Settings settings;

    @Inject
    VisitorLimits limits;

    @Inject
    SocketTimers timers;

    /**
     * A client that goes on sending what is refused after it was told is closed, and its address shut out for a while
     * ({@link VisitorLimits#strike}): only not reading its frames spares the other visitors.
     */
    public void receive(Session socket, String raw) {
        boolean refused = dispatcher.dispatch(socket, raw, frame -> {
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
        if (refused && limits.strike(HandshakeOrigins.clientAddress(socket))) {
            push.close(socket, GOES_ON);
        }
    }

    public void opened(Session socket) {
        timers.adopt(socket);
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
        limits.sessionStart(HandshakeOrigins.clientAddress(socket));
        started(socket, frame, conversations.start(start.visitorMeta()), null);
    }

    /**
     * Replays after {@code afterSeq}, in frames of a page each, before the ack; a session idle past the timeout is over,
     * and a new one starts in its place.
     */
    private void resume(Session socket, ClientFrame frame) {
        Resume resume = frames.data(frame, Resume.class);
        Conversations.Resumed resumed = conversations.resume(resume.sessionId(), resume.sessionToken(), resume.afterSeq());
        if (resumed.replacement().isPresent()) {
            started(socket, frame, resumed.replacement().get(), resume.sessionId());
            return;
        }
        String sessionId = follow(socket, resumed.session().id());
        long lastSeq = resumed.session().lastSeq();
        push.send(socket, Frames.sessionResumed(sessionId, resumed.messages(), Replays.more(resumed.messages(), lastSeq)));
        Replays.sendRest(push, socket, sessionId, resumed.messages(), lastSeq, afterSeq -> conversations.replay(sessionId, afterSeq));
        dispatcher.acknowledge(socket, frame, Map.of("sessionId", sessionId, "lastSeq", resumed.session().lastSeq()));
    }

    /** @param expiredSessionId the session this one replaces, if the visitor resumed one that is over */
    private void started(Session socket, ClientFrame frame, Conversations.Started started, String expiredSessionId) {
        String sessionId = follow(socket, started.session().id());
        push.send(socket, Frames.sessionStarted(sessionId, started.token(), settings.welcomeMessage(), expiredSessionId));
        dispatcher.acknowledge(socket, frame, Map.of("sessionId", sessionId));
    }

    private void userMessage(Session socket, ClientFrame frame) {
        String session = boundSession(socket, frame);
        UserMessage message = frames.data(frame, UserMessage.class);
        String attachmentId = message.attachmentUrl() == null ? null : AttachmentLink.id(message.attachmentUrl())
                .orElseThrow(() -> new FrameException("invalid", "attachmentUrl names no image sent to Parley", frame.ref()));
        limits.message(session, HandshakeOrigins.clientAddress(socket));
        VisitorPost post = new VisitorPost(session, message.text(), message.clientMsgId(), attachmentId);
        push.holding(socket, () -> { // the assistant's answer, on its own thread, follows the ack
            ChatMessage posted = messages.post(post);
            dispatcher.acknowledge(socket, frame, Map.of("message", WireMessage.of(posted)));
        });
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
        String session = boundSession(socket, frame);
        limits.agentRequest(session, HandshakeOrigins.clientAddress(socket));
        Routing.Request request = routing.request(session, VISITOR_REQUEST);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sessionId", request.session().id());
        answer.put("status", request.answered() ? request.session().status().wireName() : "unchanged");
        request.secondsLeft().ifPresent(seconds -> answer.put("waitSeconds", seconds));
        request.unavailable().ifPresent(why -> answer.put("reason", why.wireName()));
        dispatcher.acknowledge(socket, frame, answer);
    }

    /** The visitor is on the site (chatting or not): agents see them among the live visitors and may start a chat. */
    private void visitorJoin(Session socket, ClientFrame frame) {
        VisitorJoin join = frames.data(frame, VisitorJoin.class);
        dispatcher.acknowledge(socket, frame, Map.of("visitorId", liveVisitors.join(socket, join.page(), join.referrer(), Boolean.TRUE.equals(join.returning()))));
    }

    /** Shown to the agents on the session as {@code display_typing}; nothing is stored. */
    private void typing(Session socket, ClientFrame frame) {
        String session = boundSession(socket, frame);
        conversations.typing(session, frame.type().equals("typing_start"));
        dispatcher.acknowledge(socket, frame, Map.of("sessionId", session));
    }

    /** Every socket of the session, this one included, gets {@code session_ended} (before this frame's ack). */
    private void endSession(Session socket, ClientFrame frame) {
        String session = boundSession(socket, frame);
        conversations.end(session);
        dispatcher.acknowledge(socket, frame, Map.of("sessionId", session));
    }

    /** Binds the socket to the session: its frames act on it, and its events reach the socket. */
    private String follow(Session socket, String sessionId) {
        socket.getUserProperties().put(SESSION, sessionId);
        push.followAsVisitor(sessionId, socket);
        return sessionId;
    }

    private String boundSession(Session socket, ClientFrame frame) {
        if (!(socket.getUserProperties().get(SESSION) instanceof String sessionId)) {
            throw new FrameException("no_session", "Start or resume a session first", frame.ref());
        }
        return sessionId;
    }
}
