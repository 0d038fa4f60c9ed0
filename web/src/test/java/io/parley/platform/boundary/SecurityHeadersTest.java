package io.parley.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.platform.control.AllowedOrigins;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void whenEverySiteMayEmbedTheWidgetEverySiteMayFrameIt() {
        assertThat(SecurityHeaders.widgetFraming(AllowedOrigins.anonymous("widget", List.of("*")))).isEqualTo("frame-ancestors *");
    }

    @Test
    void otherwiseParleysOwnPagesAndTheListedSitesMay() {
        assertThat(SecurityHeaders.widgetFraming(AllowedOrigins.anonymous("widget", List.of("https://shop.example", "http://b.example:8080/"))))
                .isEqualTo("frame-ancestors 'self' http://b.example:8080 https://shop.example");
        assertThat(SecurityHeaders.widgetFraming(AllowedOrigins.anonymous("widget", List.of()))).isEqualTo("frame-ancestors 'self'");
    }
}
