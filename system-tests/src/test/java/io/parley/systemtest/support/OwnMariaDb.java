package io.parley.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of a test's own, for what the shared one on 3306 must never suffer (being stopped): Debian's
 * {@code mariadbd} on a private data folder under the build's work folder, initialised by {@code mariadb-install-db},
 * on a free port of 127.0.0.1 with its own socket and pid file; {@code root} without a password. It can be stopped
 * (cleanly or killed) and started again on the same data and port, as a database server that goes away for a while.
 */
public final class OwnMariaDb implements AutoCloseable {

    private static final Path INSTALL_DB = Path.of(System.getProperty("mariadb.install-db", "/usr/bin/mariadb-install-db"));
    private static final Path MARIADBD = Path.of(System.getProperty("mariadb.server", "/usr/sbin/mariadbd"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    // small InnoDB files and no binary log or performance schema: a data folder of ~25 MB that starts in a second
    private static final List<String> SMALL = List.of("--innodb-log-file-size=8M", "--innodb-buffer-pool-size=32M",
            "--skip-name-resolve");
    // a unix socket path longer than this is refused by the kernel
    private static final int MAX_SOCKET_PATH = 100;

    private final Path home;
    private final Path dataDir;
    private final Path socket;
    private final Path errorLog;
    private final int port;
    private volatile Process process;

    private OwnMariaDb(Path home, Path socket, int port) {
        this.home = home;
        this.dataDir = home.resolve("data");
        this.socket = socket;
        this.errorLog = home.resolve("mariadbd.err");
        this.port = port;
    }

    /** Initialises a data folder under the work folder {@code name-<port>} and starts the server on it. */
    public static OwnMariaDb start(String name) {
        for (Path binary : List.of(INSTALL_DB, MARIADBD)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException("No " + binary + ": a MariaDB server of a test's own needs Debian's MariaDB server"
                        + " (apt-get install mariadb-server), or -Dmariadb.install-db / -Dmariadb.server pointing at its binaries");
            }
        }
        int port = ServerProcess.freePort();
        Path home = ServerProcess.workDir(name + "-" + port).toAbsolutePath();
        Path socket = home.resolve("mariadbd.sock");
        try {
            if (socket.toString().length() > MAX_SOCKET_PATH) {
                socket = Files.createTempDirectory("mariadb-").resolve("mariadbd.sock");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OwnMariaDb db = new OwnMariaDb(home, socket, port);
        try {
            db.install();
            db.start();
            return db;
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
    }

    private void install() {
        List<String> command = new ArrayList<>(List.of(INSTALL_DB.toString(), "--no-defaults", "--datadir=" + dataDir,
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        command.addAll(asRootIfRoot());
        command.addAll(SMALL);
        Path log = home.resolve("install-db.log");
        try {
            Process install = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!install.waitFor(60, TimeUnit.SECONDS)) {
                install.destroyForcibly();
                throw new IllegalStateException("mariadb-install-db did not finish within 60 s:\n" + tail(log));
            }
            if (install.exitValue() != 0) {
                throw new IllegalStateException("mariadb-install-db failed (" + install.exitValue() + "): " + command + "\n" + tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server on its data folder and port (again, after {@link #stop()} or {@link #kill()}), and waits until it answers. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("MariaDB on port " + port + " runs already");
        }
        List<String> command = new ArrayList<>(List.of(MARIADBD.toString(), "--no-defaults", "--datadir=" + dataDir,
                "--bind-address=127.0.0.1", "--port=" + port, "--socket=" + socket, "--pid-file=" + home.resolve("mariadbd.pid"),
                "--log-error=" + errorLog, "--skip-log-bin", "--performance-schema=OFF"));
        command.addAll(asRootIfRoot());
        command.addAll(SMALL);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("mariadbd.out").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd stopped while starting (" + process.exitValue() + "):\n" + tail(errorLog));
            }
            try (Connection c = DriverManager.getConnection(serverUrl(), "root", "")) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            ServerProcess.sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException("mariadbd did not answer on port " + port + " within " + START_TIMEOUT + ": " + last
                + "\n" + tail(errorLog));
    }

    /** Shuts the server down cleanly (SIGTERM) and waits until it is gone. */
    public synchronized void stop() {
        end(false);
    }

    /** Kills the server (SIGKILL), as a crash or a pulled plug would: connections break, InnoDB recovers on the next start. */
    public synchronized void kill() {
        end(true);
    }

    private void end(boolean kill) {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        if (kill) {
            running.destroyForcibly();
        } else {
            running.destroy();
        }
        try {
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("mariadbd did not stop within 30 s:\n" + tail(errorLog));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean running() {
        Process running = process;
        return running != null && running.isAlive();
    }

    public int port() {
        return port;
    }

    /**
     * Creates a database and an account that may use only it (with a password: Payara's pool refuses an empty one) and
     * returns the environment that points Parley at it: DB_URL, DB_USER, DB_PASSWORD.
     */
    public Map<String, String> createDatabase(String name) {
        String password = UUID.randomUUID().toString();
        try (Connection c = DriverManager.getConnection(serverUrl(), "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            s.execute("CREATE USER '" + name + "'@'%' IDENTIFIED BY '" + password + "'");
            s.execute("GRANT ALL PRIVILEGES ON " + name + ".* TO '" + name + "'@'%'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " on " + serverUrl(), e);
        }
        return Map.of("DB_URL", jdbcUrl(name), "DB_USER", name, "DB_PASSWORD", password);
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    /** Rows of a query in that database, as root; columns by their lower-case labels. */
    public List<Map<String, Object>> query(String database, String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), "root", "")) {
            return TestDatabase.rows(c, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The end of the server's error log, for a failure message. */
    public String errorLogTail() {
        return tail(errorLog);
    }

    /** Stops the server (killed: its data goes anyway) and deletes its data folder. */
    @Override
    public void close() {
        try {
            kill();
        } finally {
            deleteQuietly(home);
            if (!socket.startsWith(home)) {
                deleteQuietly(socket.getParent());
            }
        }
    }

    private String serverUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/";
    }

    /** mariadbd refuses to run as root unless told to; as anyone else, it runs as them. */
    private static List<String> asRootIfRoot() {
        return "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
    }

    private static String tail(Path file) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file + ")";
            }
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover under target/ does no harm
        }
    }
}
