package io.parley.systemtest.support;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test the one Parley with short timers that the classes needing them share in a run, so they pay for one
 * start: the built war on Payara Micro with a database of its own, where a session is idle after
 * {@value #SESSION_TIMEOUT_SECONDS} s (the sweep still runs once a minute) and an assignment must be taken up within
 * {@value #ACCEPT_TIMEOUT_SECONDS} s. The visitor's countdown keeps its default (3 minutes), so that a visitor can wait
 * for a sweep. Started by the first test that asks for it, stopped (log checked, database dropped) when the run ends.
 * <p>
 * Tests on it leave nothing behind that routing could pick up: their agents offline, their sessions ended.
 */
public final class ParleyWithShortTimers implements ParameterResolver {

    public static final int SESSION_TIMEOUT_SECONDS = 20;
    public static final int ACCEPT_TIMEOUT_SECONDS = 5;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OwnParley.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> new Running(OwnParley.start("short-timers", Map.of(
                        "PARLEY_CHAT_SESSION_TIMEOUT_SECONDS", Integer.toString(SESSION_TIMEOUT_SECONDS),
                        "PARLEY_ROUTING_ACCEPT_TIMEOUT_SECONDS", Integer.toString(ACCEPT_TIMEOUT_SECONDS))).allowingRequestsBeforeMessage()), Running.class)
                .parley();
    }

    private record Running(OwnParley parley) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            parley.close();
        }
    }
}
