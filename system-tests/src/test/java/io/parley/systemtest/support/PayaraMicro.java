package io.parley.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The built war on Payara Micro, started exactly as {@code ./parley run} starts it
 * (payara-config/micro/start-parley.sh), on a free port.
 */
public final class PayaraMicro extends ServerProcess {

    private final Process process;

    private PayaraMicro(int httpPort, Path log, Process process) {
        super(httpPort, log);
        this.process = process;
    }

    /**
     * Starts Parley with its data (H2 file, Payara's working files) in {@code dataDir}; {@code environment} may point it
     * at another database (DB_URL, DB_USER, DB_PASSWORD).
     */
    public static PayaraMicro start(Path dataDir, Map<String, String> environment) {
        PayaraMicro micro = launch(dataDir, environment);
        try {
            micro.awaitReady();
            return micro;
        } catch (RuntimeException | Error e) {
            micro.close();
            throw e;
        }
    }

    /** Starts Parley without waiting for it: for tests of a start that is meant to go wrong. */
    public static PayaraMicro launch(Path dataDir, Map<String, String> environment) {
        int port = freePort();
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(repo().resolve("payara-config/micro/start-parley.sh").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("PARLEY_PORT", Integer.toString(port));
        builder.environment().put("PARLEY_DATA_DIR", dataDir.toString());
        builder.environment().put("JAVA_OPTS", "-Xmx768m");
        try {
            return new PayaraMicro(port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process's exit status once it has ended by itself, or empty if it still runs after {@code within}. */
    public OptionalInt awaitExit(Duration within) {
        try {
            return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected boolean alive() {
        return process.isAlive();
    }

    /** Stops the server as Ctrl-C would and waits until it is gone. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("Payara Micro did not stop within 60 s of SIGTERM:\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
