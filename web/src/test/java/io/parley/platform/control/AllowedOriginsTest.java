package io.parley.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllowedOriginsTest {

    private static final Optional<WebOrigin> PARLEY = WebOrigin.parse("https://support.example");

    @Test
    void theConsoleListAllowsParleysOwnOriginAndTheListedOnesOnly() {
        AllowedOrigins console = AllowedOrigins.withCredentials("cors",
                List.of("https://console.example", " https://admin.example:8443/"));
        assertThat(console.allows("https://support.example", PARLEY)).isTrue();
        assertThat(console.allows("https://console.example", PARLEY)).isTrue();
        assertThat(console.allows("https://ADMIN.example:8443", PARLEY)).isTrue();
        assertThat(console.allows("https://admin.example", PARLEY)).as("another port is another origin").isFalse();
        assertThat(console.allows("http://console.example", PARLEY)).as("another scheme is another origin").isFalse();
        assertThat(console.allows("https://evil.example", PARLEY)).isFalse();
        assertThat(console.allows("https://console.example.evil.example", PARLEY)).isFalse();
        assertThat(console.allows("null", PARLEY)).isFalse();
        assertThat(console.credentials()).isTrue();
        assertThat(console.any()).isFalse();
    }

    @Test
    void anEmptyListAllowsParleysOwnOriginOnly() {
        AllowedOrigins console = AllowedOrigins.withCredentials("cors", List.of());
        assertThat(console.allows("https://support.example:443", PARLEY)).isTrue();
        assertThat(console.allows("http://support.example", PARLEY)).isFalse();
        assertThat(console.allows("https://support.example", Optional.empty())).as("a request without a Host").isFalse();
        assertThat(console).hasToString("(own origin only)");
    }

    @Test
    void theConsoleListRefusesTheWildcardWithAMessageThatNamesTheSetting() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AllowedOrigins.withCredentials("cors.allowed.origins", List.of("https://console.example", "*")))
                .withMessageContaining("cors.allowed.origins must not be *");
    }

    @Test
    void aListEntryThatIsNoOriginIsRefusedWithAMessageThatNamesIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AllowedOrigins.anonymous("widget.allowed.origins", List.of("shop.example")))
                .withMessageContaining("widget.allowed.origins lists 'shop.example', which is not an origin");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AllowedOrigins.withCredentials("cors", List.of("https://console.example/admin")))
                .withMessageContaining("'https://console.example/admin'");
    }

    @Test
    void theWidgetWildcardAllowsEverySiteWithoutCredentials() {
        AllowedOrigins widget = AllowedOrigins.anonymous("widget", List.of("*"));
        assertThat(widget.allows("https://any.example", PARLEY)).isTrue();
        assertThat(widget.allows("null", PARLEY)).isTrue();
        assertThat(widget.any()).isTrue();
        assertThat(widget.credentials()).isFalse();
        assertThat(widget).hasToString("*");
    }

    @Test
    void theWidgetWildcardDoesNotMixWithOrigins() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AllowedOrigins.anonymous("widget.allowed.origins", List.of("https://shop.example", "*")))
                .withMessageContaining("either * or a list");
    }

    @Test
    void aWidgetListAllowsTheListedSitesAndParleysOwnPages() {
        AllowedOrigins widget = AllowedOrigins.anonymous("widget", List.of("https://shop.example"));
        assertThat(widget.allows("https://shop.example", PARLEY)).isTrue();
        assertThat(widget.allows("https://support.example", PARLEY)).isTrue();
        assertThat(widget.allows("https://other-shop.example", PARLEY)).isFalse();
        assertThat(widget.any()).isFalse();
        assertThat(widget.credentials()).isFalse();
    }
}
