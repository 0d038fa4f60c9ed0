package io.parley.systemtest.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.ParleyOnMariaDb;
import io.parley.systemtest.support.ParleyOnMariaDb.RunningParley;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Admins export the filtered sessions with every message, as CSV or JSON; text that looks like CSV survives, and text
 * that a spreadsheet would run as a formula opens as text.
 */
@ExtendWith(ParleyOnMariaDb.class)
class ExportIT {

    @Test
    void theFilteredSessionsComeOutWithAllTheirMessagesAsCsvAndAsJson(RunningParley parley) throws Exception {
        String marker = "exporttest" + UUID.randomUUID().toString().substring(0, 6);
        String tricky = "=HYPERLINK(\"http://evil.example\") a \"quoted\", comma\nand a new line";
        String sessionId;
        try (ChatClient visitor = ChatClient.connect(parley.server().ws("/ws/chat"))) {
            sessionId = visitor.startSession(Map.of("name", "Ada " + marker, "email", marker + "@example.com")).path("sessionId").asText();
            visitor.say("hello");
            visitor.next("bot_message");
            visitor.say(tricky);
            visitor.next("system_message");
        }
        Api api = parley.api();
        String admin = parley.adminToken();

        Api.Reply csv = api.post("/api/admin/sessions/export", admin, Map.of("format", "csv", "q", marker));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.raw())).getRecords();
        assertThat(rows).extracting(row -> row.get("session_id")).containsOnly(sessionId);
        assertThat(rows).extracting(row -> row.get("seq")).containsExactly("1", "2", "3", "4");
        assertThat(rows).extracting(row -> row.get("sender")).containsExactly("user", "bot", "user", "system");
        assertThat(rows.get(2).get("text")).as("a formula the visitor wrote, as text a spreadsheet shows").isEqualTo("'" + tricky);
        assertThat(csv.raw().lines().findFirst()).as("the header").hasValueSatisfying(header -> assertThat(header.split(","))
                .contains("rating", "rating_comment", "agent_name"));

        Api.Reply json = api.post("/api/admin/sessions/export", admin, Map.of("format", "json", "q", marker));
        assertThat(json.status()).isEqualTo(200);
        JsonNode sessions = json.body();
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).path("session").path("id").asText()).isEqualTo(sessionId);
        assertThat(sessions.get(0).path("messages")).extracting(m -> m.path("text").asText()).contains("hello", tricky);

        assertThat(api.post("/api/admin/sessions/export", admin, Map.of("format", "xml")).status()).isEqualTo(400);
        assertThat(api.post("/api/admin/sessions/export", admin, Map.of("format", "csv", "from", "last week")).status()).isEqualTo(400);
        parley.server().assertLogClean();
    }
}
