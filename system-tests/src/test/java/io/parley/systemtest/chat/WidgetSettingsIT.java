package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.OnTheSharedParley;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The widget's look, set by admins (validated, audited) and read with everything else the widget shows when it loads
 * from {@code GET /api/widget/config}: anonymously, from any site that may embed it.
 */
class WidgetSettingsIT extends OnTheSharedParley {

    private static final Map<String, Object> DEFAULT_LOOK = look("Chat with us", "#2d5bd3", "right", "", null);

    @AfterEach
    void defaultLook() {
        assertThat(api.call("PUT", "/api/admin/widget", admin, DEFAULT_LOOK).status()).isEqualTo(200);
    }

    @Test
    void anAdminsLookIsWhatEveryVisitorsWidgetLoads() {
        JsonNode before = api.get("/api/admin/widget", admin).body();
        assertThat(before.path("title").asText()).isEqualTo("Chat with us");
        assertThat(before.path("color").asText()).isEqualTo("#2d5bd3");
        assertThat(before.path("position").asText()).isEqualTo("right");
        assertThat(before.path("launcherText").asText()).isEmpty();
        assertThat(before.has("logoUrl") && before.path("logoUrl").isNull()).as("no logo: null").isTrue();

        Map<String, Object> velo = look(" Velo & Co. support ", "#AA3300", "left", "Questions?", "https://cdn.velo.example/logo.png");
        JsonNode changed = api.call("PUT", "/api/admin/widget", admin, velo).body();
        assertThat(changed.path("title").asText()).isEqualTo("Velo & Co. support");
        assertThat(changed.path("color").asText()).isEqualTo("#AA3300");
        assertThat(changed.path("position").asText()).isEqualTo("left");
        assertThat(api.get("/api/admin/widget", admin).body()).isEqualTo(changed);

        JsonNode config = widgetConfig("https://any-shop.example");
        assertThat(config.path("title").asText()).isEqualTo("Velo & Co. support");
        assertThat(config.path("color").asText()).isEqualTo("#AA3300");
        assertThat(config.path("position").asText()).isEqualTo("left");
        assertThat(config.path("launcherText").asText()).isEqualTo("Questions?");
        assertThat(config.path("logoUrl").asText()).isEqualTo("https://cdn.velo.example/logo.png");
        assertThat(config.path("welcomeMessage").asText()).isEqualTo(api.get("/api/admin/welcome-message", admin).body().path("welcomeMessage").asText());
        assertThat(config.path("maxAttachmentBytes").asLong()).isEqualTo(10L * 1024 * 1024);
        assertThat(config.path("open").isBoolean()).isTrue();
        assertThat(config.path("agentsOnline").isBoolean()).isTrue();

        JsonNode audit = api.get("/api/admin/audit?action=widget.change&size=200", admin).body();
        assertThat(audit.path("items")).anySatisfy(entry -> assertThat(entry.path("detail").asText())
                .contains("Velo & Co. support", "#AA3300", "left", "https://cdn.velo.example/logo.png"));

        assertThat(api.call("PUT", "/api/admin/widget", admin, look("Plain", "#000000", "right", null, "")).body().path("logoUrl").isNull())
                .as("an empty logo is none; a missing launcher text is empty").isTrue();
        assertThat(widgetConfig(null).path("launcherText").asText()).isEmpty();
    }

    @Test
    void aBadLookIsRefusedAndChangesNothing() {
        String saved = api.get("/api/admin/widget", admin).raw();
        long audited = parley.database().count("SELECT COUNT(*) FROM audit_log WHERE action = 'widget.change'");
        Map<String, Object> noTitle = new HashMap<>(DEFAULT_LOOK);
        noTitle.remove("title");
        for (Object bad : List.of(
                look("", "#2d5bd3", "right", "", null),
                look("  ", "#2d5bd3", "right", "", null),
                look("t".repeat(61), "#2d5bd3", "right", "", null),
                noTitle,
                look("Chat", "blue", "right", "", null),
                look("Chat", "#2d5bd", "right", "", null),
                look("Chat", "#2d5bd3ff", "right", "", null),
                look("Chat", "#2d5bd3", "top", "", null),
                look("Chat", "#2d5bd3", null, "", null),
                look("Chat", "#2d5bd3", "right", "l".repeat(41), null),
                look("Chat", "#2d5bd3", "right", "", "javascript:alert(1)"),
                look("Chat", "#2d5bd3", "right", "", "/logo.png"),
                look("Chat", "#2d5bd3", "right", "", "//cdn.example/logo.png"),
                look("Chat", "#2d5bd3", "right", "", "ftp://cdn.example/logo.png"),
                look("Chat", "#2d5bd3", "right", "", "https://cdn.example/" + "x".repeat(481)),
                "not json")) {
            Api.Reply refused = api.call("PUT", "/api/admin/widget", admin, bad);
            assertThat(refused.status()).as("%s", bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(api.get("/api/admin/widget", admin).raw()).isEqualTo(saved);
        assertThat(parley.database().count("SELECT COUNT(*) FROM audit_log WHERE action = 'widget.change'")).isEqualTo(audited);

        assertThat(api.call("PUT", "/api/admin/widget", admin, look("t".repeat(60), "#2d5bd3", "right", "l".repeat(40),
                "https://cdn.example/" + "x".repeat(480))).status()).as("at the limits").isEqualTo(200);
    }

    @Test
    void onlyAdminsSeeOrChangeTheLookButAnyoneReadsTheWidgetsConfig() {
        String agent = parley.newAgent("looker")[1];
        assertThat(api.get("/api/admin/widget", agent).status()).isEqualTo(403);
        assertThat(api.call("PUT", "/api/admin/widget", agent, DEFAULT_LOOK).status()).isEqualTo(403);
        assertThat(api.get("/api/admin/widget", null).status()).isEqualTo(401);
        assertThat(api.get("/api/widget/config", null).status()).isEqualTo(200);
    }

    @Test
    void theConfigSaysWhetherTheDeskIsOpenAndWhetherAnyoneIsOnline() {
        String[] dora = parley.newAgent("dora");
        try {
            api.call("PUT", "/api/agents/me/status", dora[1], Map.of("status", "online"));
            assertThat(widgetConfig(null).path("agentsOnline").asBoolean()).isTrue();
            api.call("PUT", "/api/agents/me/status", dora[1], Map.of("status", "offline"));
            JsonNode presences = api.get("/api/agents", admin).body();
            assertThat(presences).filteredOn(presence -> presence.path("userId").asText().equals(dora[0]))
                    .singleElement().satisfies(presence -> assertThat(presence.path("status").asText()).isEqualTo("offline"));
            // other tests' agents may be online on the shared server: the config must say what they are, Dora aside
            boolean othersOnline = StreamSupport.stream(presences.spliterator(), false)
                    .anyMatch(presence -> !presence.path("userId").asText().equals(dora[0]) && presence.path("status").asText().equals("online"));
            assertThat(widgetConfig(null).path("agentsOnline").asBoolean()).isEqualTo(othersOnline);

            assertThat(widgetConfig(null).path("open").asBoolean()).as("without business hours, always open").isTrue();
            DayOfWeek notToday = LocalDate.now(ZoneOffset.UTC).getDayOfWeek().plus(3);
            assertThat(api.call("PUT", "/api/admin/settings", admin, hours(true, List.of(Map.of("day", notToday.name().toLowerCase(Locale.ROOT),
                    "opens", "09:00", "closes", "17:00")))).status()).isEqualTo(200);
            assertThat(widgetConfig(null).path("open").asBoolean()).as("closed today").isFalse();
        } finally {
            api.call("PUT", "/api/agents/me/status", dora[1], Map.of("status", "offline"));
            api.call("PUT", "/api/admin/settings", admin, hours(false, List.of()));
        }
    }

    /** {@code GET /api/widget/config} without a token, as a page of {@code origin} asks for it (none: not a browser). */
    private static JsonNode widgetConfig(String origin) {
        HttpResponse<byte[]> answer = api.raw("GET", "/api/widget/config", origin == null ? Map.of() : Map.of("Origin", origin), null);
        assertThat(answer.statusCode()).isEqualTo(200);
        if (origin != null) {
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).as("every site may embed the widget").hasValue("*");
        }
        try {
            return ChatClient.JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> look(String title, String color, String position, String launcherText, String logoUrl) {
        Map<String, Object> look = new HashMap<>();
        look.put("title", title);
        look.put("color", color);
        look.put("position", position);
        look.put("launcherText", launcherText);
        look.put("logoUrl", logoUrl);
        return look;
    }

    private static Map<String, Object> hours(boolean enabled, List<Map<String, String>> periods) {
        return Map.of("aiResumesAfterAgent", false, "businessHours", Map.of("enabled", enabled, "timeZone", "UTC", "periods", periods));
    }
}
