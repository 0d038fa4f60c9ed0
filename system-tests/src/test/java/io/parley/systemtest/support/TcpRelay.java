package io.parley.systemtest.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of the server, so that a test can pull the plug between a browser and Parley:
 * {@link #refuse(boolean)} drops every connection through it and keeps new ones out until allowed again.
 * Plain sockets rather than a proxy library: it must only forward bytes and drop them on demand.
 */
public final class TcpRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean refusing;

    public TcpRelay(int targetPort) {
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        daemon("relay-accept", this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Drops every connection through the relay now, as a network failure would. */
    private void cut() {
        for (Socket socket : open) {
            quietly(socket);
        }
        open.clear();
    }

    /** While refusing, a new connection is closed as soon as it comes in. */
    public void refuse(boolean refuse) {
        this.refusing = refuse;
        if (refuse) {
            cut();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (refusing) {
                    quietly(client);
                    continue;
                }
                Socket server = new Socket();
                server.connect(target);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                // the listener closed, or the server was not there: the browser sees a dropped connection
            }
        }
    }

    private void pump(Socket from, Socket to) {
        daemon("relay-pump", () -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // cut, or closed by either side
            } finally {
                quietly(from);
                quietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing what may be closed already
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing for good
        }
        cut();
    }
}
