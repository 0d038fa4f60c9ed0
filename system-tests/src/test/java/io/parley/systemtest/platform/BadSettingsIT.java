package io.parley.systemtest.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.systemtest.support.PayaraMicro;
import io.parley.systemtest.support.ServerProcess;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A setting Parley cannot start with ends the process that {@code ./parley run} starts with a non-zero status and one
 * log line that names the setting and says why, instead of a server that says "ready" and serves nothing.
 */
class BadSettingsIT {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "PARLEY_ADMIN_PASSWORD, short, at least 12 characters",
            "PARLEY_ROUTING_ACCEPT_TIMEOUT_SECONDS, 0, whole number above 0",
            "PARLEY_CHAT_SESSION_TIMEOUT_SECONDS, soon, whole number above 0",
            "PARLEY_LIMITS_SESSION_MESSAGES, lots, amount per window"})
    void aBadSettingStopsParleyWithOneLineThatNamesIt(String variable, String value, String why) {
        try (PayaraMicro micro = PayaraMicro.launch(ServerProcess.workDir("bad-setting-" + variable.toLowerCase()),
                Map.of(variable, value))) {
            OptionalInt status = micro.awaitExit(Duration.ofMinutes(3));

            assertThat(status).as("the process ends by itself").isPresent();
            assertThat(status.getAsInt()).as("with a status that says it failed").isNotZero();
            assertThat(micro.logLines()).as("one line names the setting and says why")
                    .anySatisfy(line -> assertThat(line).contains("Parley cannot start").contains(variable).contains(why));
            assertThat(micro.logLines()).as("no stack trace, and nothing served").noneMatch(line -> line.contains("\tat ")
                    || line.contains("Exception while loading the app"));
            assertThat(micro.logLines()).as("the value of a secret is not repeated").noneMatch(line -> variable.contains("PASSWORD") && line.contains("'" + value + "'"));
        }
    }
}
