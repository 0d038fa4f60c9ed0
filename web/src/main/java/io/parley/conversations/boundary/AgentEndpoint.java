package io.parley.conversations.boundary;

import io.parley.identity.boundary.Accounts;
import io.parley.identity.boundary.TokenClaims;
import io.parley.identity.boundary.UserView;
import io.parley.identity.control.JsonWebTokens;
import io.parley.identity.control.SigningKeys;
import io.parley.identity.entity.Role;
import io.parley.identity.entity.User;
import io.parley.platform.boundary.ConsoleOrigins;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotBlank;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
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
    private static final List<String> CONSOLE_ROLES = List.of("admin", "agent");

    @Inject
    FrameReader frames;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Accounts accounts;

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
        String ref = null;
        try {
            ClientFrame frame = frames.read(raw);
            ref = frame.ref();
            throw new FrameException("unknown_type", "Unknown frame type: " + frame.type(), ref);
        } catch (FrameException e) {
            Sockets.send(socket, ServerFrame.error(e.ref(), e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Agent frame failed", e);
            Sockets.send(socket, ServerFrame.error(ref, "internal", "The server failed; please try again."));
        }
    }

    @OnClose
    public void onClose() {
        if (deadline != null) {
            deadline.cancel(false);
        }
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
        Optional<User> user = accounts.holderOf(claims.getString("sub", null), claims.getInt(TokenClaims.VERSION, -1))
                .filter(u -> u.roles().stream().map(Role::wireName).anyMatch(CONSOLE_ROLES::contains));
        if (user.isEmpty()) {
            refuse(socket, "account deactivated or sign-in revoked");
            return;
        }
        agent = user.get();
        deadline.cancel(false);
        Sockets.send(socket, ServerFrame.event("agent_authenticated", Map.of("user", UserView.of(agent))));
        if (frame.ref() != null) {
            Sockets.send(socket, ServerFrame.ack(frame.ref(), Map.of("userId", agent.id())));
        }
    }

    private static void refuse(Session socket, String reason) {
        Sockets.send(socket, ServerFrame.error(null, "unauthorized", reason));
        Sockets.close(socket, new CloseReason(CloseReason.CloseCodes.getCloseCode(UNAUTHORIZED), reason));
    }

    public record AgentAuth(@NotBlank String token) {
    }
}
