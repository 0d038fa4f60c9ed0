package io.parley.conversations.boundary;

import io.parley.conversations.boundary.AgentFrames.AgentAuth;
import io.parley.conversations.boundary.AgentFrames.AgentMessage;
import io.parley.conversations.boundary.AgentFrames.JoinSession;
import io.parley.conversations.boundary.AgentFrames.InitiateChat;
import io.parley.conversations.boundary.AgentFrames.Note;
import io.parley.conversations.boundary.AgentFrames.Typing;
import io.parley.conversations.entity.VisitorMeta;
import io.parley.identity.boundary.Accounts;
import io.parley.identity.boundary.TokenClaims;
import io.parley.identity.boundary.UserView;
import io.parley.identity.control.JsonWebTokens;
import io.parley.identity.control.SigningKeys;
import io.parley.identity.entity.User;
import io.parley.platform.boundary.ConsoleOrigins;
import io.parley.push.boundary.Push;
import io.parley.push.boundary.ServerFrame;
import io.parley.visitors.boundary.LiveVisitors;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The console's WebSocket. It accepts nothing before {@code agent_auth {token}}: a socket that does not authenticate
 * within {@value #AUTH_DEADLINE_SECONDS} seconds, sends anything else first, or presents a token that is missing,
 * expired, forged or belongs to a deactivated person is closed with code {@value #UNAUTHORIZED} and the reason.
 * Only the console's own origin and {@code CORS_ALLOWED_ORIGINS} may connect ({@link ConsoleOrigins}).
 */
@ServerEndpoint(value = "/ws/agent", configurator = ConsoleOrigins.class)
public class AgentEndpoint {

    static final int AUTH_DEADLINE_SECONDS = 5;
    static final int UNAUTHORIZED = 4401;
    private static final Logger LOG = System.getLogger(AgentEndpoint.class.getName());

    @Inject
    FrameReader frames;

    @Inject
    FrameDispatcher dispatcher;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Accounts accounts;

    @Inject
    Desk desk;

    @Inject
    Push push;

    @Inject
    LiveVisitors liveVisitors;

    @Inject
    JoinNotices joinNotices;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile User agent;
    private ScheduledFuture<?> deadline;

    @OnOpen
    public void onOpen(Session socket) {
        deadline = scheduler.schedule(() -> {
            if (agent == null) {
                refuse(socket, "authentication timeout");
            }
        }, AUTH_DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    @OnMessage(maxMessageSize = FrameReader.HARD_LIMIT_BYTES)
    public void onMessage(Session socket, String raw) {
        if (agent == null) {
            authenticate(socket, raw);
            return;
        }
        dispatcher.dispatch(socket, raw, frame -> {
            switch (frame.type()) {
                case "join_admin_feed" -> joinFeed(socket, frame);
                case "join_session" -> joinSession(socket, frame);
                case "agent_message" -> agentMessage(socket, frame);
                case "internal_note" -> internalNote(socket, frame);
                case "typing_start", "typing_stop" -> typing(socket, frame);
                case "initiate_chat" -> initiateChat(socket, frame);
                default -> throw dispatcher.unknown(frame);
            }
        });
    }

    private void joinFeed(Session socket, ClientFrame frame) {
        push.followFeed(socket);
        dispatcher.acknowledge(socket, frame, Map.of("feed", true));
    }

    /**
     * Replays the session after {@code afterSeq} with its notes, then follows it live. The owner's joining takes the
     * conversation up, and the visitor is told they joined (the replay has that notice already).
     */
    private void joinSession(Session socket, ClientFrame frame) {
        JoinSession join = frames.data(frame, JoinSession.class);
        Desk.Joined joined = desk.join(agent, join.sessionId(), join.from());
        joinNotices.announce(joined.joined(), agent);
        push.followAsAgent(join.sessionId(), socket);
        push.send(socket, ServerFrame.event("session_joined", Map.of(
                "session", SessionView.of(joined.session()),
                "messages", WireMessage.of(joined.messages()),
                "notes", NoteView.of(joined.notes()))));
        dispatcher.acknowledge(socket, frame, Map.of("sessionId", join.sessionId(), "lastSeq", joined.session().lastSeq()));
    }

    private void agentMessage(Session socket, ClientFrame frame) {
        AgentMessage message = frames.data(frame, AgentMessage.class);
        Desk.AgentPosted posted = desk.postAgentMessage(agent, message.sessionId(), message.text(), message.clientMsgId());
        WireMessage stored = WireMessage.of(posted.appended().message());
        dispatcher.acknowledge(socket, frame, Map.of("message", stored));
        joinNotices.announce(posted.joined(), agent);
        if (posted.appended().duplicate()) {
            return;
        }
        push.followAsAgent(message.sessionId(), socket);
        push.toVisitor(message.sessionId(), ServerFrame.event("agent_message", Map.of("message", stored)));
        push.toAgents(message.sessionId(), ServerFrame.event("new_message", Map.of("message", stored)));
        if (posted.took()) {
            push.toAgents(message.sessionId(), ServerFrame.event("session_update",
                    Map.of("session", SessionView.of(posted.appended().session()))));
        }
    }

    /** Stored and shown to agents only: a note never reaches the visitor's socket or transcript. */
    private void internalNote(Session socket, ClientFrame frame) {
        Note note = frames.data(frame, Note.class);
        NoteView stored = NoteView.of(desk.addNote(agent, note.sessionId(), note.text()));
        dispatcher.acknowledge(socket, frame, Map.of("note", stored));
        push.toAgents(note.sessionId(), ServerFrame.event("internal_note", Map.of("note", stored)));
    }

    /** The visitor (and the other agents) see that a person is writing; only on a session the agent may write to. */
    private void typing(Session socket, ClientFrame frame) {
        String sessionId = frames.data(frame, Typing.class).sessionId();
        desk.detail(agent, sessionId);
        ServerFrame typing = ServerFrame.event("display_typing",
                Map.of("sessionId", sessionId, "sender", "agent", "agentId", agent.id(), "agentName", agent.name(),
                        "isTyping", frame.type().equals("typing_start")));
        push.toVisitor(sessionId, typing);
        push.toAgents(sessionId, typing);
        dispatcher.acknowledge(socket, frame, Map.of("sessionId", sessionId));
    }

    /**
     * Opens a conversation with a visitor on the site. The visitor's socket gets {@code agent_initiated_chat} with the
     * new session and its token, and binds to it with {@code resume} like after a reconnect.
     */
    private void initiateChat(Session socket, ClientFrame frame) {
        InitiateChat initiate = frames.data(frame, InitiateChat.class);
        LiveVisitors.Present visitor = liveVisitors.find(initiate.visitorId())
                .orElseThrow(() -> new FrameException("visitor_gone", "That visitor is no longer on the site", frame.ref()));
        Desk.Initiated initiated = desk.initiate(agent,
                new VisitorMeta(null, null, visitor.view().page(), visitor.view().referrer(), null, null), initiate.text());
        String sessionId = initiated.started().session().id();
        WireMessage first = WireMessage.of(initiated.message());
        push.followAsAgent(sessionId, socket);
        push.send(visitor.socket(), ServerFrame.event("agent_initiated_chat", Map.of(
                "sessionId", sessionId, "sessionToken", initiated.started().token(), "message", first)));
        dispatcher.acknowledge(socket, frame, Map.of("session", SessionView.of(initiated.started().session()), "message", first));
        push.toAgents(sessionId, ServerFrame.event("session_update", Map.of("session", SessionView.of(initiated.started().session()))));
    }

    @OnClose
    public void onClose(Session socket) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        push.forget(socket);
    }

    @OnError
    public void onError(Session socket, Throwable error) {
        LOG.log(Level.DEBUG, "Agent socket {0} failed: {1}", socket.getId(), error.toString());
    }

    private void authenticate(Session socket, String raw) {
        ClientFrame frame;
        AgentAuth auth;
        try {
            frame = frames.read(raw);
            if (!"agent_auth".equals(frame.type())) {
                refuse(socket, "authenticate first: agent_auth {token}");
                return;
            }
            auth = frames.data(frame, AgentAuth.class);
        } catch (FrameException e) {
            refuse(socket, e.code().equals("invalid_frame") ? "token missing" : "authenticate first: agent_auth {token}");
            return;
        }
        JsonObject claims;
        try {
            claims = signingKeys.verify(auth.token());
        } catch (JsonWebTokens.TokenRejected e) {
            refuse(socket, e.getMessage());
            return;
        }
        // every account is an admin or an agent, so an account that still holds this token may use the console
        Optional<User> user = accounts.holderOf(claims.getString("sub", null), claims.getInt(TokenClaims.VERSION, -1));
        if (user.isEmpty()) {
            refuse(socket, "account deactivated or sign-in revoked");
            return;
        }
        agent = user.get();
        deadline.cancel(false);
        push.followAsUser(agent.id(), socket);
        push.send(socket, ServerFrame.event("agent_authenticated", Map.of("user", UserView.of(agent))));
        dispatcher.acknowledge(socket, frame, Map.of("userId", agent.id()));
    }

    private void refuse(Session socket, String reason) {
        push.send(socket, ServerFrame.error(null, "unauthorized", reason));
        push.close(socket, new CloseReason(CloseReason.CloseCodes.getCloseCode(UNAUTHORIZED), reason));
    }
}
