package io.parley.inbox.boundary;

import io.parley.push.boundary.WireMessage;
import io.parley.push.boundary.SessionView;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One row per message, with its session's columns repeated: what a spreadsheet opens as it is. Text that a spreadsheet
 * would take for a formula (a visitor can write {@code =HYPERLINK(...)}) is written as text: OWASP's rule for CSV
 * injection, a leading {@code '} before a cell that starts with {@code = + - @}, a tab or a carriage return.
 */
final class CsvExportWriter implements ExportWriter {

    private static final String[] HEADER = {"session_id", "status", "assigned_agent_id", "visitor_name", "visitor_email",
        "session_created_at", "rating", "rating_comment", "seq", "sender", "agent_id", "agent_name", "text", "created_at"};
    private static final String FORMULA_STARTS = "=+-@\t\r";

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
        SessionView.Rating rating = session.rating();
        printer.printRecord(session.id(), session.status(), session.assignedAgentId(),
                visitor == null ? null : asText(visitor.name()), visitor == null ? null : asText(visitor.email()), session.createdAt(),
                rating == null ? null : rating.score(), rating == null ? null : asText(rating.comment()),
                message.seq(), message.sender(), message.agentId(), asText(message.agentName()), asText(message.text()), message.createdAt());
    }

    /** The cell as a spreadsheet shows it, never as a formula it would run. */
    static String asText(String cell) {
        return cell != null && !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
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
