/** The visitor's WebSocket {@code /ws/chat}: frames in the envelope of docs/protocol.md, validated, answered. */
package io.parley.conversations;
