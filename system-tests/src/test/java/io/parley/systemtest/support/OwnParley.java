package io.parley.systemtest.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

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

    /** A new agent, signed in: {@code [id, token]}. */
    public String[] newAgent(String name) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "agent of the tests " + name;
        String id = api.createUser(freshAdminToken(), email, password, "agent");
        return new String[] {id, api.login(email, password)};
    }

    /** The console socket of a signed-in person, authenticated. */
    public ChatClient agentSocket(String token) {
        ChatClient socket = ChatClient.connect(server.ws("/ws/agent"));
        socket.authenticate(token);
        return socket;
    }

    /** A new token of the first admin: the one taken at the start expires on a server with short-lived tokens. */
    public String freshAdminToken() {
        return api.login(ParleyEnvironment.ADMIN_EMAIL, ParleyEnvironment.ADMIN_PASSWORD);
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
