package io.parley.inbox.boundary;

import io.parley.push.boundary.WireMessage;
import io.parley.push.boundary.SessionView;
import java.io.IOException;

/** Writes an export as it is read, one session and one message at a time, so memory does not grow with its size. */
sealed interface ExportWriter extends AutoCloseable permits CsvExportWriter, JsonExportWriter {

    void startSession(SessionView session) throws IOException;

    void message(SessionView session, WireMessage message) throws IOException;

    void endSession() throws IOException;

    @Override
    void close() throws IOException;
}
