/**
 * Chat sessions and their messages: starting and resuming a session with its secret token,
 * per-session sequence numbers without gaps, idempotent posting by client message id, replay after a sequence number.
 */
package io.parley.conversations;
