package io.parley.inbox.boundary;

import io.parley.push.boundary.WireMessage;
import io.parley.push.boundary.SessionView;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** One row per message, with its session's columns repeated: what a spreadsheet opens as it is. */
final class CsvExportWriter implements ExportWriter {

    private static final String[] HEADER = {"session_id", "status", "assigned_agent_id", "visitor_name", "visitor_email",
        "session_created_at", "seq", "sender", "agent_id", "text", "created_at"};

    private final CSVPrinter printer;

    CsvExportWriter(OutputStream out) throws IOException {
        printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180.builder().setHeader(HEADER).get());
    }

    @Override
    public void startSession(SessionView session) {
        // the session's columns go with each of its messages
    }

    @Override
    public void message(SessionView session, WireMessage message) throws IOException {
        SessionView.Visitor visitor = session.visitor();
        printer.printRecord(session.id(), session.status(), session.assignedAgentId(),
                visitor == null ? null : visitor.name(), visitor == null ? null : visitor.email(), session.createdAt(),
                message.seq(), message.sender(), message.agentId(), message.text(), message.createdAt());
    }

    @Override
    public void endSession() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
