package io.parley.systemtest.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /**
     * Lets visitors ask for a person before they write anything (an admin's desk setting; by default they must write
     * first): for servers whose tests are about routing and handoff, where a first message would only add the
     * assistant's answer to every transcript. The rule itself is tested in LimitsIT and WidgetHumansIT.
     */
    public OwnParley allowingRequestsBeforeMessage() {
        ObjectNode settings = (ObjectNode) api.get("/api/admin/settings", adminToken).body();
        settings.put("requestsBeforeMessage", true);
        Api.Reply changed = api.call("PUT", "/api/admin/settings", adminToken, settings);
        if (changed.status() != 200) {
            throw new IllegalStateException("The desk's settings could not be changed: " + changed);
        }
        return this;
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

    /** Removes every configuration of the LLM fleet, so that the next test builds its own. */
    public void forgetTheFleet() {
        api.get("/api/admin/llm-configs", adminToken).body()
                .forEach(config -> api.call("DELETE", "/api/admin/llm-config/" + config.path("id").asText(), adminToken, null));
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
