package io.parley.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP/1.1 request over a plain socket, for what the JDK's client cannot do: send from a chosen local address
 * (any 127.x.x.x is this machine, so a test can be a peer other than 127.0.0.1) and send a WebSocket upgrade whose
 * refusal it reads in full.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** What the server answered: the status, the headers (names in lower case) and the body as sent. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).stream().findFirst();
        }
    }

    /** Sends {@code GET path} from {@code localAddress} to the server on 127.0.0.1 and reads the answer until it closes. */
    public static Answer get(String localAddress, int port, String path, Map<String, String> headers) {
        return send(localAddress, port, "GET " + path, headers, "");
    }

    /** Sends {@code POST path} with a JSON body from {@code localAddress}, as {@link #get} does. */
    public static Answer postJson(String localAddress, int port, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send(localAddress, port, "POST " + path, Map.of("Content-Type", "application/json",
                "Content-Length", Integer.toString(body.length)), json);
    }

    private static Answer send(String localAddress, int port, String requestLine, Map<String, String> headers, String body) {
        StringBuilder request = new StringBuilder(requestLine + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Connection: close\r\n\r\n").append(body);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String[] lines = raw.substring(0, end).split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
    }
}
