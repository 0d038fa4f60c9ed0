/**
 * Delivery of events to connected sockets: every frame any endpoint sends goes through {@code Push}, so that making
 * delivery cluster-wide is a change in one place.
 */
package io.parley.push;
