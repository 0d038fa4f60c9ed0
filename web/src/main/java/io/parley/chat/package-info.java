/**
 * The visitor's doors: the WebSocket {@code /ws/chat} (frames read, validated, handed to one boundary, answered), the
 * images and the rating a visitor sends over HTTP with their session's headers.
 */
package io.parley.chat;
