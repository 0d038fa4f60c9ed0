package io.parley.conversations.boundary;

import io.parley.assistant.boundary.Assistant;
import io.parley.conversations.boundary.VisitorFrames.Resume;
import io.parley.conversations.boundary.VisitorFrames.StartSession;
import io.parley.conversations.boundary.VisitorFrames.UserMessage;
import io.parley.conversations.control.Transcript.Appended;
import io.parley.conversations.entity.ConversationException;
import io.parley.platform.boundary.VisitorOrigins;
import jakarta.inject.Inject;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The visitor's WebSocket. One instance per connection, bound to at most one chat session: the one it started or
 * resumed last. Every frame is answered per docs/protocol.md; a bad frame gets an error and changes nothing.
 * Only pages of the sites allowed to embed the widget may connect ({@link VisitorOrigins}).
 */
@ServerEndpoint(value = "/ws/chat", configurator = VisitorOrigins.class)
public class ChatEndpoint {

    private static final Logger LOG = System.getLogger(ChatEndpoint.class.getName());

    @Inject
    FrameReader frames;

    @Inject
    Conversations conversations;

    @Inject
    Assistant assistant;

    @Inject
    @ConfigProperty(name = "parley.chat.welcome-message")
    String welcomeMessage;

    private String sessionId;

    @OnMessage(maxMessageSize = FrameReader.HARD_LIMIT_BYTES)
    public void onMessage(Session socket, String raw) {
        String ref = null;
        try {
            ClientFrame frame = frames.read(raw);
            ref = frame.ref();
            switch (frame.type()) {
                case "start_session" -> startSession(socket, frame);
                case "resume" -> resume(socket, frame);
                case "user_message" -> userMessage(socket, frame);
                case "end_session" -> endSession(socket, frame);
                default -> throw new FrameException("unknown_type", "Unknown frame type: " + frame.type(), ref);
            }
        } catch (FrameException e) {
            Sockets.send(socket, ServerFrame.error(e.ref(), e.code(), e.getMessage()));
        } catch (ConversationException e) {
            Sockets.send(socket, ServerFrame.error(ref, e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Chat frame failed", e);
            Sockets.send(socket, ServerFrame.error(ref, "internal", "The server failed; please try again."));
        }
    }

    @OnError
    public void onError(Session socket, Throwable error) {
        LOG.log(Level.DEBUG, "Visitor socket {0} failed: {1}", socket.getId(), error.toString());
    }

    private void startSession(Session socket, ClientFrame frame) {
        StartSession start = frames.data(frame, StartSession.class);
        Conversations.Started started = conversations.start(start.visitorMeta());
        sessionId = started.session().id();
        Sockets.send(socket, ServerFrame.event("session_started", Map.of(
                "sessionId", sessionId,
                "sessionToken", started.token(),
                "welcomeMessage", welcomeMessage)));
        acknowledge(socket, frame, Map.of("sessionId", sessionId));
    }

    private void resume(Session socket, ClientFrame frame) {
        Resume resume = frames.data(frame, Resume.class);
        Conversations.Resumed resumed = conversations.resume(resume.sessionId(), resume.sessionToken(), resume.afterSeq());
        sessionId = resumed.session().id();
        Sockets.send(socket, ServerFrame.event("session_resumed", Map.of(
                "sessionId", sessionId,
                "messages", WireMessage.of(resumed.messages()))));
        acknowledge(socket, frame, Map.of("sessionId", sessionId, "lastSeq", resumed.session().lastSeq()));
    }

    private void userMessage(Session socket, ClientFrame frame) {
        String session = boundSession(frame);
        UserMessage message = frames.data(frame, UserMessage.class);
        Appended posted = conversations.postVisitorMessage(session, message.text(), message.clientMsgId());
        acknowledge(socket, frame, Map.of("message", WireMessage.of(posted.message())));
        if (posted.duplicate()) {
            return;
        }
        Assistant.Reply reply = assistant.answer(session, message.text());
        WireMessage answer = WireMessage.of(reply.message());
        switch (reply.kind()) {
            case AUTO_REPLY -> Sockets.send(socket, ServerFrame.event("bot_message",
                    Map.of("message", answer, "suggestions", List.of(), "responseType", "auto_reply")));
            case NO_ANSWER -> Sockets.send(socket, ServerFrame.event("system_message",
                    Map.of("message", answer, "offers", List.of("agent", "offline_form"))));
        }
    }

    private void endSession(Session socket, ClientFrame frame) {
        String session = boundSession(frame);
        conversations.end(session);
        Sockets.send(socket, ServerFrame.event("session_ended", Map.of("sessionId", session)));
        acknowledge(socket, frame, Map.of("sessionId", session));
    }

    private String boundSession(ClientFrame frame) {
        if (sessionId == null) {
            throw new FrameException("no_session", "Start or resume a session first", frame.ref());
        }
        return sessionId;
    }

    private void acknowledge(Session socket, ClientFrame frame, Object data) {
        if (frame.ref() != null) {
            Sockets.send(socket, ServerFrame.ack(frame.ref(), data));
        }
    }

}
