package io.parley.systemtest.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** A WebSocket client that speaks Parley's envelope, as a widget or any integration would. */
public final class ChatClient implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closure> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private ChatClient(URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    public static ChatClient connect(URI uri) {
        return connect(uri, Map.of());
    }

    /** Connects with extra handshake headers, such as the {@code Origin} a browser page would send. */
    public static ChatClient connect(URI uri, Map<String, String> headers) {
        return new ChatClient(uri, headers);
    }

    /** Sends a frame; {@code ref} may be null. */
    public void send(String type, Object data, String ref) {
        ObjectNode frame = JSON.createObjectNode().put("type", type);
        frame.set("data", JSON.valueToTree(data));
        if (ref != null) {
            frame.put("ref", ref);
        }
        sendRaw(frame.toString());
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame from the server; fails if none comes in time. */
    public JsonNode next() {
        try {
            JsonNode frame = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(frame).as("a frame from the server within %s", WAIT).isNotNull();
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next frame, which must be of this type. */
    public JsonNode next(String type) {
        JsonNode frame = next();
        assertThat(frame.path("type").asText()).as("type of %s", frame).isEqualTo(type);
        return frame;
    }

    /** The next frame of this type that matches, passing over any others (an agent's feed interleaves events). */
    public JsonNode until(String type, Predicate<JsonNode> matches) {
        while (true) {
            JsonNode frame = next();
            if (frame.path("type").asText().equals(type) && matches.test(frame.path("data"))) {
                return frame.path("data");
            }
        }
    }

    /**
     * The data of the next frame of this type that matches, passing over any others, waiting at most {@code within} in
     * all (for events that come late by design: a timer, a sweep); fails if none comes in time.
     */
    public JsonNode until(String type, Predicate<JsonNode> matches, Duration within) {
        return awaitFrame(type, matches, within).orElseThrow(() -> new AssertionError(
                "no " + type + " frame that matches within " + within));
    }

    /** Like {@link #until(String, Predicate, Duration)}, but empty instead of failing when none comes in time. */
    public Optional<JsonNode> awaitFrame(String type, Predicate<JsonNode> matches, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                JsonNode frame = received.poll(left, TimeUnit.NANOSECONDS);
                if (frame != null && frame.path("type").asText().equals(type) && matches.test(frame.path("data"))) {
                    return Optional.of(frame.path("data"));
                }
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every frame up to and including the first of this type that matches (whole frames, not only their data): what
     * a client saw before an event, to prove something did not come before it.
     */
    public List<JsonNode> framesUntil(String type, Predicate<JsonNode> matches) {
        List<JsonNode> frames = new ArrayList<>();
        while (true) {
            JsonNode frame = next();
            frames.add(frame);
            if (frame.path("type").asText().equals(type) && matches.test(frame.path("data"))) {
                return frames;
            }
        }
    }

    /** Authenticates an agent socket and returns the signed-in user. */
    public JsonNode authenticate(String token) {
        String ref = ref();
        send("agent_auth", Map.of("token", token), ref);
        JsonNode user = next("agent_authenticated").path("data").path("user");
        assertThat(next("ack").path("ref").asText()).isEqualTo(ref);
        return user;
    }

    /** Sends a frame with a fresh ref and returns the data of its ack, passing over events that come first. */
    public JsonNode request(String type, Object data) {
        JsonNode frame = answer(type, data);
        assertThat(frame.path("type").asText()).as("answer to %s: %s", type, frame).isEqualTo("ack");
        return frame.path("data");
    }

    /** Sends a frame with a fresh ref and returns the server's answer to it, its ack or an error, passing over events that come first. */
    public JsonNode answer(String type, Object data) {
        String ref = ref();
        send(type, data, ref);
        while (true) {
            JsonNode frame = next();
            if (ref.equals(frame.path("ref").asText())) {
                return frame;
            }
        }
    }

    /** Every frame that arrives until the server has been quiet for {@code quiet}. */
    public List<JsonNode> drain(Duration quiet) {
        List<JsonNode> frames = new ArrayList<>();
        try {
            JsonNode frame;
            while ((frame = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                frames.add(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return frames;
    }

    /** Starts a session and returns {@code session_started}'s data (the ack is consumed too). */
    public JsonNode startSession(Map<String, Object> userMeta) {
        String ref = ref();
        send("start_session", Map.of("userMeta", userMeta), ref);
        JsonNode started = next("session_started").path("data");
        assertThat(next("ack").path("ref").asText()).isEqualTo(ref);
        return started;
    }

    /** Resumes a session and returns {@code session_resumed}'s data (the ack is consumed too). */
    public JsonNode resume(String sessionId, String token, long afterSeq) {
        String ref = ref();
        send("resume", Map.of("sessionId", sessionId, "sessionToken", token, "afterSeq", afterSeq), ref);
        JsonNode resumed = next("session_resumed").path("data");
        assertThat(next("ack").path("ref").asText()).isEqualTo(ref);
        return resumed;
    }

    /** Sends a visitor message and returns the acked message. */
    public JsonNode say(String text, String clientMsgId) {
        String ref = ref();
        send("user_message", Map.of("text", text, "clientMsgId", clientMsgId), ref);
        JsonNode ack = next("ack");
        assertThat(ack.path("ref").asText()).isEqualTo(ref);
        return ack.path("data").path("message");
    }

    public JsonNode say(String text) {
        return say(text, UUID.randomUUID().toString());
    }

    /** Cuts the connection without a closing handshake, as a lost network would. */
    public void drop() {
        socket.abort();
    }

    /** Every frame received so far, without waiting. */
    public List<JsonNode> received() {
        List<JsonNode> frames = new ArrayList<>();
        received.drainTo(frames);
        return frames;
    }

    /** How the server closed the connection; fails if it does not close it in time. */
    public Closure awaitClose(Duration within) {
        try {
            return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("The server did not close the connection within " + within);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The close code and reason the server sent. */
    public record Closure(int code, String reason) {
    }

    public boolean isOpen() {
        return !closed.isDone() && !socket.isOutputClosed();
    }

    public static String ref() {
        return "r-" + UUID.randomUUID();
    }

    /** Closes as a browser does: a close frame, then the server's answer; the connection is cut only if none comes. */
    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        try {
            closed.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            socket.abort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (JsonProcessingException e) {
                    throw new AssertionError("The server sent a frame that is not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closure(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closure(-1, String.valueOf(error)));
        }
    }
}
