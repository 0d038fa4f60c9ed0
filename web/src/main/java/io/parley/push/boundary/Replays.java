package io.parley.push.boundary;

import io.parley.conversations.entity.ChatMessage;
import jakarta.websocket.Session;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A replay in frames of bounded size: the first page goes in the answer that starts it ({@code session_resumed},
 * {@code session_joined}, with {@code more}), the rest in {@code replay} frames of a page each, until the client has
 * every message up to the session's last seq when the replay began (what comes later reaches it live).
 */
public final class Replays {

    private Replays() {
    }

    /** Whether messages up to {@code lastSeq} remain after this page. */
    public static boolean more(List<ChatMessage> page, long lastSeq) {
        return !page.isEmpty() && page.get(page.size() - 1).seq() < lastSeq;
    }

    /** Sends the pages after {@code firstPage}, read with {@code next} (the messages after a seq), as {@code replay} frames. */
    public static void sendRest(Push push, Session socket, String sessionId, List<ChatMessage> firstPage, long lastSeq,
                                LongFunction<List<ChatMessage>> next) {
        List<ChatMessage> page = firstPage;
        while (more(page, lastSeq)) {
            page = next.apply(page.get(page.size() - 1).seq());
            push.send(socket, Frames.replay(sessionId, page, more(page, lastSeq)));
        }
    }
}
