package io.parley.systemtest.support;

import java.util.HashMap;
import java.util.Map;

/**
 * A Parley of one test class's own, for settings the shared server must not have (short timers, rested circuit
 * breakers): the built war on Payara Micro with a database of its own, the first admin signed in.
 */
public record OwnParley(PayaraMicro server, TestDatabase database, Api api, String adminToken) implements AutoCloseable {

    /** @param settings environment variables on top of the database, the master key and the first admin */
    public static OwnParley start(String name, Map<String, String> settings) {
        TestDatabase database = TestDatabase.create();
        try {
            Map<String, String> environment = new HashMap<>(ParleyEnvironment.on(database));
            environment.putAll(settings);
            PayaraMicro server = PayaraMicro.start(ServerProcess.workDir(name), environment);
            Api api = new Api(server.http("/"));
            return new OwnParley(server, database, api, api.login(ParleyEnvironment.ADMIN_EMAIL, ParleyEnvironment.ADMIN_PASSWORD));
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    /** Fails when the server logged anything SEVERE, and stops it either way. */
    @Override
    public void close() {
        try {
            server.assertLogClean();
        } finally {
            server.close();
            database.close();
        }
    }
}
