package io.parley.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A Payara Server domain set up with payara-config/server/setup-domain.sh, as an IT team would, with parley.ear deployed.
 * Its admin user has a password of the test's own, which every later asadmin command gives in a password file.
 */
public final class PayaraServer extends ServerProcess {

    /** Offsets from the port base of every port a domain opens (admin 48, HTTP 80, HTTPS 81, IIOP, JMS, JMX, OSGi, ...). */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 66, 76, 80, 81, 86};

    private final Path home;
    private final String domain;
    private final int portBase;
    private final Path commandLog;
    private final Path passwordFile;

    private PayaraServer(Path home, String domain, int portBase, Path commandLog) {
        super(portBase + 80, home.resolve("glassfish/domains/" + domain + "/logs/server.log"));
        this.home = home;
        this.domain = domain;
        this.portBase = portBase;
        this.commandLog = commandLog;
        this.passwordFile = commandLog.resolveSibling(domain + "-admin-password");
    }

    public static PayaraServer setUpAndDeploy(Path ear, Map<String, String> environment) {
        Path home = Path.of(System.getProperty("payara.server.home")).toAbsolutePath();
        String domain = "parley-test-" + System.currentTimeMillis();
        PayaraServer server = new PayaraServer(home, domain, freePortBase(),
                workDir("payara-server").resolve(domain + "-commands.log"));
        try {
            String adminPassword = "admin-" + UUID.randomUUID();
            Files.writeString(server.passwordFile, "AS_ADMIN_PASSWORD=" + adminPassword + "\n");
            Map<String, String> setup = new HashMap<>(environment);
            setup.put("PAYARA_ADMIN_PASSWORD", adminPassword);
            server.run(setup, repo().resolve("payara-config/server/setup-domain.sh").toString(),
                    domain, Integer.toString(server.portBase));
            // Setting up the domain restarts it, and Payara's admin REST service now and then logs a SEVERE record of its
            // own when asadmin's connection goes with that restart. Each set-up command is checked by its exit code; the
            // log that must stay clean is Parley's, from its deployment on.
            server.asadmin("rotate-log");
            server.asadmin("deploy", "--name", "parley", ear.toString());
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            try {
                server.close(); // a domain left running would hold its ports and a core for the rest of the run
            } catch (RuntimeException | Error cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** The domain's admin listener (REST management, the console). */
    public URI admin(String path) {
        return URI.create("http://127.0.0.1:" + (portBase + 48) + path);
    }

    public void asadmin(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/asadmin").toString(),
                "--port", Integer.toString(portBase + 48), "--user", "admin", "--passwordfile", passwordFile.toString()));
        command.addAll(List.of(arguments));
        run(Map.of(), command.toArray(String[]::new));
    }

    private void run(Map<String, String> environment, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(commandLog.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PAYARA_HOME", home.toString());
        try {
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " failed:\n" + Files.readString(commandLog));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected boolean alive() {
        Path pid = home.resolve("glassfish/domains/" + domain + "/config/pid");
        try {
            return Files.exists(pid) && ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
                    .map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void close() {
        run(Map.of(), home.resolve("bin/asadmin").toString(), "--user", "admin", "--passwordfile", passwordFile.toString(), "stop-domain", domain);
        run(Map.of(), home.resolve("bin/asadmin").toString(), "delete-domain", domain);
    }

    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(200, 500) * 100;
            if (IntStream.of(PORT_OFFSETS).allMatch(offset -> isFree(base + offset))) {
                return base;
            }
        }
        throw new IllegalStateException("No free port base for a Payara domain");
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
