package io.parley.systemtest.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Parley's REST API as a client sees it: JSON in, JSON (or problem+json) out, with or without a bearer token. */
public final class Api {

    // HTTP/1.1 as browsers speak it over plain HTTP: the JDK client's default h2c upgrade attempt made Payara's Grizzly
    // log a NullPointerException on the request after a rejected token, a path no browser takes.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI base;

    public Api(URI base) {
        this.base = base;
    }

    public Reply get(String path, String token) {
        return call("GET", path, token, null);
    }

    public Reply post(String path, String token, Object body) {
        return call("POST", path, token, body);
    }

    public Reply call(String method, String path, String token, Object body) {
        try {
            String json = body == null ? null : body instanceof String raw ? raw : ChatClient.JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Any request with the headers given: raw bytes in (an image), raw bytes out. */
    public HttpResponse<byte[]> raw(String method, String path, Map<String, String> headers, byte[] body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in and returns the token; fails the test if sign-in fails. */
    public String login(String email, String password) {
        Reply reply = post("/api/auth/login", null, Map.of("email", email, "password", password));
        if (reply.status() != 200) {
            throw new AssertionError("Sign-in as " + email + " failed: " + reply);
        }
        return reply.body().path("token").asText();
    }

    /** Creates a user as the admin and returns the new user's id. */
    public String createUser(String adminToken, String email, String password, String... roles) {
        Reply reply = post("/api/auth/signup", adminToken, Map.of("email", email, "name", "Test " + email,
                "password", password, "roles", roles));
        if (reply.status() != 201) {
            throw new AssertionError("Creating " + email + " failed: " + reply);
        }
        return reply.body().path("id").asText();
    }

    /** An answer: its status, its body as text, and its headers. */
    public record Reply(int status, String raw, HttpHeaders headers) {

        /** The body as JSON (a missing node when there is none). */
        public JsonNode body() {
            try {
                return raw.isEmpty() ? ChatClient.JSON.missingNode() : ChatClient.JSON.readTree(raw);
            } catch (IOException e) {
                throw new AssertionError("The answer is not JSON: " + raw, e);
            }
        }

        /** The problem's detail, for an error. */
        public String detail() {
            return body().path("detail").asText();
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }
}
