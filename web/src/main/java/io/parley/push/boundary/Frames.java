package io.parley.push.boundary;

import io.parley.assistant.entity.AnswerStored;
import io.parley.assistant.entity.AnswerStreamed;
import io.parley.conversations.entity.ChatInitiated;
import io.parley.conversations.entity.ChatMessage;
import io.parley.conversations.entity.ChatSession;
import io.parley.conversations.entity.InternalNote;
import io.parley.conversations.entity.NoticeStored;
import io.parley.conversations.entity.Sender;
import io.parley.conversations.entity.SessionEnded;
import io.parley.conversations.entity.Typing;
import io.parley.notifications.boundary.NotificationView;
import io.parley.notifications.entity.Notification;
import io.parley.routing.entity.AgentStatus;
import io.parley.visitors.entity.LiveVisitor;
import io.parley.visitors.entity.LiveVisitorsChanged;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every frame the server sends, by name and shape (docs/protocol.md): the one place where events and answers become
 * the wire's envelopes. Absent values are left out.
 */
public final class Frames {

    private Frames() {
    }

    // the visitor's answers

    public static ServerFrame sessionStarted(String sessionId, String token, String welcomeMessage, String expiredSessionId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sessionId", sessionId);
        data.put("sessionToken", token);
        data.put("welcomeMessage", welcomeMessage);
        if (expiredSessionId != null) {
            data.put("expiredSessionId", expiredSessionId);
        }
        return ServerFrame.event("session_started", data);
    }

    /** The first page of a replay ({@link Replays}): {@code more} when {@code replay} frames follow. */
    public static ServerFrame sessionResumed(String sessionId, List<ChatMessage> messages, boolean more) {
        return ServerFrame.event("session_resumed", Map.of("sessionId", sessionId, "messages", WireMessage.of(messages), "more", more));
    }

    /** A further page of a replay, to the visitor or an agent. */
    public static ServerFrame replay(String sessionId, List<ChatMessage> messages, boolean more) {
        return ServerFrame.event("replay", Map.of("sessionId", sessionId, "messages", WireMessage.of(messages), "more", more));
    }

    // the agent's answers

    public static ServerFrame agentAuthenticated(Object user) {
        return ServerFrame.event("agent_authenticated", Map.of("user", user));
    }

    /** The session, its notes and the first page of its messages ({@link Replays}): {@code more} when {@code replay} frames follow. */
    public static ServerFrame sessionJoined(ChatSession session, List<ChatMessage> messages, List<InternalNote> notes, boolean more) {
        return ServerFrame.event("session_joined", Map.of(
                "session", SessionView.of(session), "messages", WireMessage.of(messages), "notes", NoteView.of(notes), "more", more));
    }

    // events, for the visitor

    /** A person's message as the visitor sees it: an agent's only (the visitor's own come back as the {@code ack}). */
    public static ServerFrame agentMessage(ChatMessage message) {
        return ServerFrame.event("agent_message", Map.of("message", WireMessage.of(message)));
    }

    public static ServerFrame systemMessage(NoticeStored stored) {
        NoticeStored.Notice notice = stored.notice();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message", WireMessage.of(stored.message()));
        data.put("offers", notice.offers());
        putIfPresent(data, "waitSeconds", notice.waitSeconds());
        putIfPresent(data, "reason", notice.reason());
        putIfPresent(data, "event", notice.event());
        putIfPresent(data, "agentName", notice.agentName());
        return ServerFrame.event("system_message", data);
    }

    public static ServerFrame botMessage(AnswerStored answer) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message", WireMessage.of(answer.message()));
        data.put("suggestions", answer.suggestions());
        data.put("responseType", answer.type().wireName());
        putIfPresent(data, "streamId", answer.streamId());
        return ServerFrame.event("bot_message", data);
    }

    public static ServerFrame botStream(AnswerStreamed words) {
        return ServerFrame.event("bot_stream", Map.of("streamId", words.streamId(), "delta", words.delta()));
    }

    public static ServerFrame agentInitiatedChat(ChatInitiated initiated) {
        return ServerFrame.event("agent_initiated_chat", Map.of("sessionId", initiated.session().id(),
                "sessionToken", initiated.token(), "message", WireMessage.of(initiated.message())));
    }

    // events, for both

    public static ServerFrame sessionEnded(SessionEnded ended) {
        return ServerFrame.event("session_ended", Map.of("sessionId", ended.session().id(), "by", ended.by().wireName()));
    }

    public static ServerFrame displayTyping(Typing typing) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sessionId", typing.session().id());
        data.put("sender", typing.sender().wireName());
        if (typing.sender() == Sender.AGENT) {
            data.put("agentId", typing.agentId());
            data.put("agentName", typing.agentName());
        }
        data.put("isTyping", typing.typing());
        return ServerFrame.event("display_typing", data);
    }

    // events, for agents

    public static ServerFrame newMessage(ChatMessage message) {
        return ServerFrame.event("new_message", Map.of("message", WireMessage.of(message)));
    }

    public static ServerFrame sessionUpdate(ChatSession session) {
        return ServerFrame.event("session_update", Map.of("session", SessionView.of(session)));
    }

    /** For an agent who may no longer see the session (it went to someone else): nothing of it but its id. */
    public static ServerFrame sessionHidden(ChatSession session) {
        return ServerFrame.event("session_hidden", Map.of("sessionId", session.id()));
    }

    public static ServerFrame agentRequest(ChatSession session, String reason) {
        return ServerFrame.event("agent_request", Map.of("session", SessionView.of(session), "reason", reason));
    }

    public static ServerFrame sessionAssigned(ChatSession session) {
        return ServerFrame.event("session_assigned", Map.of("session", SessionView.of(session)));
    }

    public static ServerFrame assignmentLapsed(String sessionId, AgentStatus status) {
        return ServerFrame.event("assignment_lapsed", Map.of("sessionId", sessionId, "status", status.wireName()));
    }

    public static ServerFrame internalNote(InternalNote note) {
        return ServerFrame.event("internal_note", Map.of("note", NoteView.of(note)));
    }

    public static ServerFrame newNotification(Notification notification) {
        return ServerFrame.event("new_notification", Map.of("notification", NotificationView.of(notification)));
    }

    /** Everyone on the sites now: what the feed starts from. */
    public static ServerFrame liveVisitors(List<LiveVisitor> visitors) {
        return ServerFrame.event("live_visitors", Map.of("visitors", visitors));
    }

    public static ServerFrame liveVisitorsChanged(LiveVisitorsChanged change) {
        return ServerFrame.event("live_visitors_changed", Map.of("joined", change.joined(), "changed", change.changed(), "left", change.left()));
    }

    private static void putIfPresent(Map<String, Object> data, String key, Object value) {
        if (value != null) {
            data.put(key, value);
        }
    }
}
