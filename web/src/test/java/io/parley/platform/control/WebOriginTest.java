package io.parley.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebOriginTest {

    @ParameterizedTest
    @CsvSource({
            "https://shop.example, https://shop.example",
            "HTTPS://Shop.Example, https://shop.example",
            "https://shop.example/, https://shop.example",
            "https://shop.example:443, https://shop.example",
            "http://shop.example:80, http://shop.example",
            "https://shop.example:8443, https://shop.example:8443",
            "http://127.0.0.1:8080, http://127.0.0.1:8080",
            "http://[::1]:8080, http://[::1]:8080"})
    void anOriginIsReadAsBrowsersSendIt(String text, String serialized) {
        assertThat(WebOrigin.parse(text)).hasValueSatisfying(origin -> assertThat(origin).hasToString(serialized));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "", "*", "shop.example", "https://shop.example/path", "https://shop.example?q=1",
            "https://user@shop.example", "ftp://shop.example", "chrome-extension://abc", "https://*.shop.example"})
    void anythingElseIsNoOrigin(String text) {
        assertThat(WebOrigin.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "https://console.example, wss, wss://console.example",
            "http://127.0.0.1:8080, ws, ws://127.0.0.1:8080",
            "http://console.example, ws, ws://console.example",
            "https://console.example:8443, wss, wss://console.example:8443"})
    void aWebSocketOriginKeepsTheHostAndPort(String page, String scheme, String socket) {
        assertThat(WebOrigin.parse(page).orElseThrow().withScheme(scheme)).hasToString(socket);
    }

    @ParameterizedTest
    @CsvSource({"https://shop.example, https://SHOP.example:443/", "http://localhost:8080, http://localhost:8080/"})
    void theSameOriginIsEqual(String one, String other) {
        assertThat(WebOrigin.parse(one)).isEqualTo(WebOrigin.parse(other));
    }
}
