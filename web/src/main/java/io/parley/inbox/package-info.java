/**
 * The agent's doors: the console's WebSocket {@code /ws/agent} (sign-in with a token, the feed, joining and writing in
 * sessions, notes, proactive chat), the inbox over REST, exports, and images in conversations.
 */
package io.parley.inbox;
