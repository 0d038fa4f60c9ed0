/**
 * Who takes which conversation: agents' availability and capacity, and automatic assignment of waiting sessions
 * (least-loaded or round-robin among online agents with room), oldest first.
 */
package io.parley.routing;
