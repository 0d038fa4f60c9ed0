package io.parley.systemtest.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.Api.Reply;
import io.parley.systemtest.support.ParleyOnMariaDb;
import io.parley.systemtest.support.ParleyOnMariaDb.RunningParley;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Admins manage the LLM fleet: configurations added, changed, made primary and removed; an API key goes in sealed and
 * never comes out (at most its last four characters); bad input is refused and changes nothing.
 */
@ExtendWith(ParleyOnMariaDb.class)
class LlmFleetIT {

    private static final String KEY = "sk-proj-test-Zx81-secret-7Qp2";

    @Test
    void anAdminBuildsTheFleetAndTheKeyNeverComesBack(RunningParley parley) {
        Api api = parley.api();
        String admin = parley.adminToken();
        List<String> before = ids(api.get("/api/admin/llm-configs", admin).body());

        Reply created = api.post("/api/admin/llm-config", admin, config(null, "openai", "gpt-4o-mini", KEY, 5));
        assertThat(created.status()).isEqualTo(201);
        String openai = created.body().path("id").asText();
        assertThat(created.body().path("apiKeyLast4").asText()).isEqualTo("7Qp2");
        assertThat(created.raw()).doesNotContain(KEY).doesNotContain("apiKey\"");
        assertThat(created.body().path("healthStatus").path("status").asText()).isEqualTo("unknown");
        String stored = (String) parley.database().query("SELECT api_key_sealed FROM llm_configs WHERE id = ?", openai).get(0).get("api_key_sealed");
        assertThat(stored).startsWith("v1:").doesNotContain(KEY).doesNotContain("7Qp2");

        Map<String, Object> local = config(null, "openai", "llama3.1", null, 9);
        local.put("baseUrl", "http://127.0.0.1:11434/v1");
        String ollama = api.post("/api/admin/llm-config", admin, local).body().path("id").asText();
        assertThat(api.get("/api/admin/llm-configs", admin).body()).anySatisfy(view -> {
            assertThat(view.path("id").asText()).isEqualTo(ollama);
            assertThat(view.path("apiKeyLast4").asText(null)).as("no key, nothing shown").isNull();
            assertThat(view.path("baseUrl").asText()).isEqualTo("http://127.0.0.1:11434/v1");
        });

        Reply changed = api.post("/api/admin/llm-config", admin, config(openai, "openai", "gpt-4o", null, 1));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("model").asText()).isEqualTo("gpt-4o");
        assertThat(changed.body().path("apiKeyLast4").asText()).as("no key given: the stored one stays").isEqualTo("7Qp2");
        Reply elsewhere = api.post("/api/admin/llm-config", admin, withBaseUrl(config(openai, "openai", "gpt-4o", null, 1), "https://collector.example/v1"));
        assertThat(elsewhere.body().path("apiKeyLast4").asText(null)).as("moved to another host without a new key: the key stays behind").isNull();
        assertThat(parley.database().query("SELECT api_key_sealed FROM llm_configs WHERE id = ?", openai).get(0).get("api_key_sealed")).isNull();
        Reply back = api.post("/api/admin/llm-config", admin, config(openai, "openai", "gpt-4o", KEY, 1));
        assertThat(back.body().path("apiKeyLast4").asText()).as("moved back with the key given again").isEqualTo("7Qp2");
        Reply newProvider = api.post("/api/admin/llm-config", admin, config(openai, "anthropic", "claude-sonnet", null, 1));
        assertThat(newProvider.body().path("apiKeyLast4").asText(null)).as("another provider, no new key: the key stays behind").isNull();
        assertThat(api.post("/api/admin/llm-config", admin, config(openai, "openai", "gpt-4o", KEY, 1)).status()).isEqualTo(200);

        JsonNode activated = api.call("PATCH", "/api/admin/llm-config/" + ollama + "/activate", admin, null).body();
        assertThat(activated.path("isActive").asBoolean()).isTrue();
        assertThat(api.get("/api/admin/llm-configs", admin).body()).filteredOn(view -> view.path("isActive").asBoolean())
                .extracting(view -> view.path("id").asText()).containsExactly(ollama);

        for (Map<String, Object> bad : List.of(config(null, "llama", "x", null, 1), config(null, "gemini", " ", null, 1),
                config(null, "gemini", "gemini-2.0-flash", null, -1), withBaseUrl(config(null, "openai", "m", null, 1), "ftp://example.com"),
                withTimeout(config(null, "anthropic", "claude", null, 1), 10))) {
            assertThat(api.post("/api/admin/llm-config", admin, bad).status()).as("%s", bad).isEqualTo(400);
        }
        assertThat(api.post("/api/admin/llm-config", admin, config("no-such-id", "gemini", "g", null, 1)).status()).isEqualTo(404);
        assertThat(ids(api.get("/api/admin/llm-configs", admin).body())).hasSize(before.size() + 2);

        assertThat(api.call("DELETE", "/api/admin/llm-config/" + openai, admin, null).status()).isEqualTo(204);
        assertThat(api.call("DELETE", "/api/admin/llm-config/" + openai, admin, null).status()).isEqualTo(404);
        assertThat(ids(api.get("/api/admin/llm-configs", admin).body())).doesNotContain(openai).contains(ollama);

        String agent = parley.newAgent("fleet")[1];
        assertThat(api.get("/api/admin/llm-configs", agent).status()).isEqualTo(403);
        assertThat(parley.database().count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'llm-config.%' AND target = ?", openai)).isEqualTo(7);
        assertThat(parley.database().count("SELECT COUNT(*) FROM audit_log WHERE detail LIKE ?", "%" + KEY + "%")).isZero();
        assertThat(parley.server().logLines()).noneMatch(line -> line.contains(KEY));
        api.call("DELETE", "/api/admin/llm-config/" + ollama, admin, null);
    }

    private static Map<String, Object> config(String id, String provider, String model, String apiKey, int priority) {
        Map<String, Object> config = new HashMap<>(Map.of("provider", provider, "model", model, "priority", priority,
                "timeoutMs", 15000, "enabled", true));
        if (id != null) {
            config.put("id", id);
        }
        if (apiKey != null) {
            config.put("apiKey", apiKey);
        }
        return config;
    }

    private static Map<String, Object> withBaseUrl(Map<String, Object> config, String baseUrl) {
        config.put("baseUrl", baseUrl);
        return config;
    }

    private static Map<String, Object> withTimeout(Map<String, Object> config, int timeoutMs) {
        config.put("timeoutMs", timeoutMs);
        return config;
    }

    private static List<String> ids(JsonNode configs) {
        return configs.findValues("id").stream().map(JsonNode::asText).toList();
    }
}
