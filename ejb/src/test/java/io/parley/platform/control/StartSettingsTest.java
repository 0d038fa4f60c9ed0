package io.parley.platform.control;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.platform.entity.BadSetting;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartSettingsTest {

    private static void check(Map<String, String> settings) {
        StartSettings.check(key -> Optional.ofNullable(settings.get(key)));
    }

    @Test
    void unsetAndSensibleSettingsPass() {
        assertThatCode(() -> check(Map.of())).doesNotThrowAnyException();
        assertThatCode(() -> check(Map.of("parley.auth.token-minutes", "0", "parley.chat.max-text-length", " 60", "parley.routing.strategy", "round-robin",
                "parley.assistant.min-confidence", "0.5", "force.tls", "TRUE", "parley.assistant.handoff-phrases", "\\b(human)\\b")))
                .doesNotThrowAnyException();
    }

    @Test
    void aWrongSettingIsNamedByItsEnvironmentVariableAndKeyWithTheReason() {
        assertThatThrownBy(() -> check(Map.of("parley.routing.accept-timeout-seconds", "0"))).isInstanceOf(BadSetting.class)
                .hasMessage("Parley cannot start: the setting PARLEY_ROUTING_ACCEPT_TIMEOUT_SECONDS (parley.routing.accept-timeout-seconds)"
                        + " is '0': it must be a whole number above 0");
        assertThatThrownBy(() -> check(Map.of("parley.auth.token-minutes", "-1"))).hasMessageContaining("PARLEY_AUTH_TOKEN_MINUTES")
                .hasMessageContaining("0 or more");
        assertThatThrownBy(() -> check(Map.of("parley.chat.max-text-length", "-5"))).hasMessageContaining("PARLEY_CHAT_MAX_TEXT_LENGTH");
        assertThatThrownBy(() -> check(Map.of("parley.routing.request-timeout-seconds", "soon"))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> check(Map.of("parley.routing.strategy", "random"))).hasMessageContaining("least-loaded or round-robin");
        assertThatThrownBy(() -> check(Map.of("parley.assistant.min-confidence", "1.5"))).hasMessageContaining("from 0 to 1");
        assertThatThrownBy(() -> check(Map.of("parley.assistant.handoff-phrases", "(human"))).hasMessageContaining("PARLEY_ASSISTANT_HANDOFF_PHRASES")
                .hasMessageContaining("not a regular expression");
        assertThatThrownBy(() -> check(Map.of("redact.pii", "yes"))).hasMessageContaining("REDACT_PII").hasMessageContaining("true or false");
    }

    @Test
    void anAbuseLimitMustBeAnAmountPerWindowAndOneOfBytesMustLetTheLargestImageThrough() {
        assertThatCode(() -> check(Map.of("parley.limits.session-messages", "60/1m", "parley.chat.max-attachment-bytes", "1000",
                "parley.limits.session-attachment-bytes", "1000/1h"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(Map.of("parley.limits.address-tickets", "5 per hour"))).isInstanceOf(BadSetting.class)
                .hasMessageContaining("PARLEY_LIMITS_ADDRESS_TICKETS").hasMessageContaining("such as 20/30s");
        assertThatThrownBy(() -> check(Map.of("parley.chat.max-attachment-bytes", "10485760", "parley.limits.address-attachment-bytes", "1048576/1h")))
                .hasMessageContaining("PARLEY_LIMITS_ADDRESS_ATTACHMENT_BYTES").hasMessageContaining("less than one image");
        assertThatThrownBy(() -> check(Map.of("parley.assistant.max-calls-per-session", "0"))).hasMessageContaining("above 0");
    }

    @Test
    void theMessageIsOneLine() {
        assertThatThrownBy(() -> check(Map.of("parley.assistant.handoff-phrases", "[a-"))).satisfies(bad ->
                org.assertj.core.api.Assertions.assertThat(bad.getMessage()).doesNotContain("\n"));
    }
}
