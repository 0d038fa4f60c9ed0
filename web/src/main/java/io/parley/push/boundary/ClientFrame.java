package io.parley.push.boundary;

import com.fasterxml.jackson.databind.JsonNode;

/** A frame as a client sent it: its type, its data (an empty object when absent) and its optional ref. */
public record ClientFrame(String type, JsonNode data, String ref) {
}
