package io.parley.assistant.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.parley.assistant.entity.Outcome;
import io.parley.platform.entity.Json;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** What the three providers share: their REST clients, how their failures read, how their event streams are followed. */
final class ProviderCalls {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private ProviderCalls() {
    }

    /**
     * A completion through the REST client {@code type}: the whole answer from {@code whole} when nobody wants deltas,
     * otherwise the events of {@code stream} (JSON data; OpenAI's closing {@code [DONE]} is passed over) read by
     * {@code onEvent} into the answer.
     */
    static <A> Completion complete(Class<A> type, Target target, Consumer<String> deltas, Function<A, Completion> whole,
            Function<A, Publisher<String>> stream, BiConsumer<StreamedAnswer, JsonNode> onEvent) {
        A api = api(type, target);
        StreamedAnswer answer = deltas == null ? null : new StreamedAnswer(deltas);
        try {
            if (answer == null) {
                return whole.apply(api);
            }
            follow(target, stream.apply(api), data -> {
                if (data.equals("[DONE]")) {
                    answer.end();
                } else {
                    onEvent.accept(answer, read(target, data));
                }
            });
            return answer.finish(target);
        } catch (RuntimeException e) {
            ProviderFailure failure = failure(target, e);
            throw answer == null ? failure : answer.failure(failure);
        } finally {
            close(api);
        }
    }

    /** The provider's JSON in a whole answer or one event. */
    static JsonNode read(Target target, String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProviderFailure(Outcome.MALFORMED, target.provider().wireName() + " sent an event that is not JSON");
        }
    }

    /** The whole answer, which cannot be empty: {@code where} says where the provider should have put it. */
    static Completion answered(Target target, String text, String where, JsonNode tokensIn, JsonNode tokensOut) {
        if (text.isEmpty()) {
            throw new ProviderFailure(Outcome.MALFORMED, target.provider().wireName() + " answered without " + where);
        }
        return new Completion(text, StreamedAnswer.count(tokensIn), StreamedAnswer.count(tokensOut));
    }

    /** The {@code text} of each part (Gemini's parts, Anthropic's content blocks) joined; empty when there are none. */
    static String joined(JsonNode parts) {
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(part.path("text").asText("")));
        return text.toString();
    }

    /** A REST client of {@code api} for the target's base URL, waiting at most what is left of the target's time. */
    private static <T> T api(Class<T> api, Target target) {
        Duration read = target.readTimeout();
        if (read.isNegative() || read.isZero()) {
            throw new ProviderUnavailable("the time for an answer ran out before " + target.provider().wireName() + " was asked");
        }
        return RestClientBuilder.newBuilder()
                .baseUri(target.baseUrl())
                .connectTimeout(Math.min(CONNECT_TIMEOUT.toMillis(), read.toMillis()), TimeUnit.MILLISECONDS)
                .readTimeout(read.toMillis(), TimeUnit.MILLISECONDS)
                .build(api);
    }

    private static void close(Object api) {
        if (api instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // a client that cannot close holds nothing we could release
            }
        }
    }

    /** The failure a provider call's exception stands for, in words for an admin. */
    static ProviderFailure failure(Target target, Throwable error) {
        Throwable cause = error instanceof ExecutionException || error instanceof CompletionException
                ? error.getCause() : error;
        if (cause instanceof ProviderFailure failure) {
            return failure;
        }
        String who = target.provider().wireName();
        if (cause instanceof WebApplicationException rejected) {
            Response response = rejected.getResponse();
            int status = response.getStatus();
            return switch (status) {
                case 429 -> new ProviderFailure(Outcome.RATE_LIMITED, who + " is rate limiting this key (429)",
                        retryAfter(response.getHeaderString("Retry-After")));
                case 401, 403 -> new ProviderFailure(Outcome.REFUSED, who + " refused the API key (" + status + ")");
                default -> status >= 500 ? new ProviderUnavailable(who + " failed (" + status + ")")
                        : new ProviderFailure(Outcome.REFUSED, who + " refused the request (" + status + ")");
            };
        }
        if (hasCause(cause, SocketTimeoutException.class) || hasCause(cause, HttpTimeoutException.class)) {
            return new ProviderUnavailable(who + " did not answer within " + target.timeout().toMillis() + " ms");
        }
        if (hasCause(cause, ConnectException.class)) {
            return new ProviderUnavailable("cannot connect to " + who + " at " + target.baseUrl());
        }
        if (cause instanceof ProcessingException) {
            return new ProviderUnavailable(who + " could not be reached: " + rootMessage(cause));
        }
        return new ProviderFailure(Outcome.MALFORMED, who + " answered something unexpected: " + rootMessage(cause));
    }

    /** Seconds or an HTTP date (RFC 9110); null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /**
     * Follows a server-sent event stream to its end, handing each event's data to {@code onEvent}, and returns when the
     * stream ends. A failure of the stream or of {@code onEvent} cancels it and is thrown as a {@link ProviderFailure}.
     */
    private static void follow(Target target, Publisher<String> events, Consumer<String> onEvent) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicReference<Subscription> subscribed = new AtomicReference<>();
        Subscriber<String> subscriber = new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscribed.set(subscription);
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String data) {
                if (done.isDone()) {
                    return;
                }
                try {
                    onEvent.accept(data);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                    subscribed.get().cancel();
                }
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        };
        events.subscribe(subscriber);
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Subscription subscription = subscribed.get();
            if (subscription != null) {
                subscription.cancel();
            }
            throw new ProviderUnavailable(target.provider().wireName() + " took longer than Parley waits for an answer");
        } catch (ExecutionException e) {
            throw failure(target, e);
        }
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
