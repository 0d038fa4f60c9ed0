/**
 * Chat sessions and their messages: starting and resuming a session with its secret token, the session's life as
 * guarded transitions ({@code ChatSession}), per-session sequence numbers without gaps, idempotent posting by client
 * message id (visitors' messages stored in groups), replay after a sequence number, the agents' desk, and the events
 * every change announces once committed.
 */
package io.parley.conversations;
