package io.parley.inbox.boundary;

import io.parley.push.boundary.WireMessage;
import io.parley.push.boundary.SessionView;
import com.fasterxml.jackson.core.JsonGenerator;
import io.parley.platform.entity.Json;
import java.io.IOException;
import java.io.OutputStream;

/** An array of sessions, each with its messages, written as a stream with Parley's one JSON mapper. */
final class JsonExportWriter implements ExportWriter {

    private final JsonGenerator json;

    JsonExportWriter(OutputStream out) throws IOException {
        json = Json.mapper().getFactory().createGenerator(out);
        json.writeStartArray();
    }

    @Override
    public void startSession(SessionView session) throws IOException {
        json.writeStartObject();
        json.writePOJOField("session", session);
        json.writeArrayFieldStart("messages");
    }

    @Override
    public void message(SessionView session, WireMessage message) throws IOException {
        json.writePOJO(message);
    }

    @Override
    public void endSession() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }

    @Override
    public void close() throws IOException {
        json.writeEndArray();
        json.close();
    }
}
