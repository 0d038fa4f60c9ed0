package io.parley.inbox.boundary;

import io.parley.inbox.boundary.AgentFrames.AgentAuth;
import io.parley.inbox.boundary.AgentFrames.AgentMessage;
import io.parley.inbox.boundary.AgentFrames.InitiateChat;
import io.parley.inbox.boundary.AgentFrames.JoinSession;
import io.parley.inbox.boundary.AgentFrames.Note;
import io.parley.inbox.boundary.AgentFrames.Typing;
import io.parley.conversations.entity.VisitorMeta;
import io.parley.identity.boundary.Accounts;
import io.parley.identity.boundary.TokenClaims;
import io.parley.identity.boundary.UserView;
import io.parley.identity.boundary.SigningKeys;
import io.parley.identity.entity.User;
import io.parley.platform.entity.Refusal;
import io.parley.platform.boundary.ConsoleOrigins;
import io.parley.push.boundary.ClientFrame;
import io.parley.push.boundary.FrameDispatcher;
import io.parley.push.boundary.AttachmentLink;
import io.parley.push.boundary.FrameException;
import io.parley.push.boundary.FrameReader;
import io.parley.push.boundary.Frames;
import io.parley.push.boundary.NoteView;
import io.parley.push.boundary.Push;
import io.parley.push.boundary.Replays;
import io.parley.push.boundary.SocketTimers;
import io.parley.push.boundary.SessionView;
import io.parley.push.boundary.WireMessage;
import io.parley.visitors.boundary.LiveVisitors;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The console's WebSocket. It accepts nothing before {@code agent_auth {token}}: a socket that does not authenticate
 * within {@value #AUTH_DEADLINE_SECONDS} seconds, sends anything else first, or presents a token that is missing,
 * expired, forged or belongs to a deactivated person is closed with code 4401 ({@link Push#UNAUTHORIZED}) and the
 * reason. So is an open socket when its token expires, or when its person is deactivated or their roles or password
 * change ({@link Push}).
 * Only the console's own origin and {@code CORS_ALLOWED_ORIGINS} may connect ({@link ConsoleOrigins}).
 */
@ServerEndpoint(value = "/ws/agent", configurator = ConsoleOrigins.class)
public class AgentEndpoint {

    static final int AUTH_DEADLINE_SECONDS = 5;
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

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SocketTimers timers;

    private volatile User agent;
    /** Until authenticated, when the socket must have authenticated; then, when its token expires. */
    private volatile ScheduledFuture<?> deadline;

    @OnOpen
    public void onOpen(Session socket) {
        timers.adopt(socket);
        deadline = scheduler.schedule(() -> {
            if (agent == null) {
                push.refuse(socket, "authentication timeout");
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

    /** The inbox's events from now on, and first the visitors on the sites now (their changes follow as deltas). */
    private void joinFeed(Session socket, ClientFrame frame) {
        push.followFeed(socket);
        push.send(socket, Frames.liveVisitors(liveVisitors.now()));
        dispatcher.acknowledge(socket, frame, Map.of("feed", true));
    }

    /**
     * Replays the session after {@code afterSeq} with its notes, in frames of a page each, then follows it live. The
     * owner's joining takes it up.
     */
    private void joinSession(Session socket, ClientFrame frame) {
        JoinSession join = frames.data(frame, JoinSession.class);
        Desk.Joined joined = desk.join(agent, join.sessionId(), join.from());
        push.followAsAgent(join.sessionId(), socket);
        long lastSeq = joined.session().lastSeq();
        push.send(socket, Frames.sessionJoined(joined.session(), joined.messages(), joined.notes(), Replays.more(joined.messages(), lastSeq)));
        Replays.sendRest(push, socket, join.sessionId(), joined.messages(), lastSeq, afterSeq -> desk.replay(agent, join.sessionId(), afterSeq));
        dispatcher.acknowledge(socket, frame, Map.of("sessionId", join.sessionId(), "lastSeq", joined.session().lastSeq()));
    }

    /** Writing in a session follows it, like joining it. */
    private void agentMessage(Session socket, ClientFrame frame) {
        AgentMessage message = frames.data(frame, AgentMessage.class);
        String attachmentId = message.attachmentUrl() == null ? null : AttachmentLink.id(message.attachmentUrl())
                .orElseThrow(() -> new FrameException("invalid", "attachmentUrl names no image sent to Parley", frame.ref()));
        WireMessage stored = WireMessage.of(desk.postAgentMessage(agent, message.sessionId(), message.text(), message.clientMsgId(), attachmentId));
        push.followAsAgent(message.sessionId(), socket);
        dispatcher.acknowledge(socket, frame, Map.of("message", stored));
    }

    /** Stored and shown to agents only: a note never reaches the visitor's socket or transcript. */
    private void internalNote(Session socket, ClientFrame frame) {
        Note note = frames.data(frame, Note.class);
        dispatcher.acknowledge(socket, frame, Map.of("note", NoteView.of(desk.addNote(agent, note.sessionId(), note.text()))));
    }

    /** The visitor (and the other agents) see that a person is writing; only on a session the agent may write to. */
    private void typing(Session socket, ClientFrame frame) {
        String sessionId = frames.data(frame, Typing.class).sessionId();
        desk.typing(agent, sessionId, frame.type().equals("typing_start"));
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
        Desk.Initiated initiated = desk.initiate(agent, visitor.visitorId(),
                new VisitorMeta(null, null, visitor.page(), visitor.referrer(), null, null), initiate.text());
        push.followAsAgent(initiated.started().session().id(), socket);
        dispatcher.acknowledge(socket, frame, Map.of("session", SessionView.of(initiated.started().session()),
                "message", WireMessage.of(initiated.message())));
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
                push.refuse(socket, "authenticate first: agent_auth {token}");
                return;
            }
            auth = frames.data(frame, AgentAuth.class);
        } catch (FrameException e) {
            push.refuse(socket, e.code().equals("invalid_frame") ? "token missing" : "authenticate first: agent_auth {token}");
            return;
        }
        JsonObject claims;
        try {
            claims = signingKeys.verify(auth.token());
        } catch (Refusal e) {
            push.refuse(socket, e.getMessage());
            return;
        }
        // every account is an admin or an agent, so an account that still holds this token may use the console
        Optional<User> user = accounts.holderOf(claims.getString("sub", null), claims.getInt(TokenClaims.VERSION, -1));
        if (user.isEmpty()) {
            push.refuse(socket, "account deactivated or sign-in revoked");
            return;
        }
        if (user.get().mustChangePassword()) {
            push.refuse(socket, "choose your own password first");
            return;
        }
        agent = user.get();
        deadline.cancel(false);
        long untilExpiry = Duration.between(Instant.now(), Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue())).toMillis();
        deadline = scheduler.schedule(() -> push.refuse(socket, "token expired: sign in again"), Math.max(0, untilExpiry), TimeUnit.MILLISECONDS);
        push.signIn(socket, agent.id(), agent.isAdmin());
        // a revocation closes the sockets signed in when it happens: one that came between the check above and now
        // would miss this socket, so the token is checked once more now that the socket is signed in
        if (accounts.holderOf(agent.id(), claims.getInt(TokenClaims.VERSION, -1)).isEmpty()) {
            push.refuse(socket, "account deactivated or sign-in revoked");
            return;
        }
        push.send(socket, Frames.agentAuthenticated(UserView.of(agent)));
        dispatcher.acknowledge(socket, frame, Map.of("userId", agent.id()));
    }
}
