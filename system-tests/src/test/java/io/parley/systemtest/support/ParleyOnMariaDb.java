package io.parley.systemtest.support;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test the one Parley that all MariaDB tests of a run share: the built war on Payara Micro, on a
 * database created for this run. Started by the first test that asks for it, stopped (and the database dropped)
 * when the run ends.
 */
public final class ParleyOnMariaDb implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningParley.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningParley.class, key -> RunningParley.start(), RunningParley.class);
    }

    /** The shared server and its database. */
    public record RunningParley(PayaraMicro server, TestDatabase database)
            implements ExtensionContext.Store.CloseableResource {

        public Api api() {
            return new Api(server.http("/"));
        }

        /** A new agent, signed in: {@code [id, token]}. */
        public String[] newAgent(String name) {
            String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            String password = "agent of the tests " + name;
            String id = api().createUser(adminToken(), email, password, "agent");
            return new String[] {id, api().login(email, password)};
        }

        /** The console socket of a signed-in person, authenticated. */
        public ChatClient agentSocket(String token) {
            ChatClient socket = ChatClient.connect(server.ws("/ws/agent"));
            socket.authenticate(token);
            return socket;
        }

        /** A fresh token of the first admin ({@link ParleyEnvironment#ADMIN_EMAIL}). */
        public String adminToken() {
            return api().login(ParleyEnvironment.ADMIN_EMAIL, ParleyEnvironment.ADMIN_PASSWORD);
        }

        static RunningParley start() {
            OwnParley parley = OwnParley.start("mariadb", Map.of()).allowingRequestsBeforeMessage();
            return new RunningParley(parley.server(), parley.database());
        }

        @Override
        public void close() {
            try {
                server.close();
            } finally {
                database.close();
            }
        }
    }
}
