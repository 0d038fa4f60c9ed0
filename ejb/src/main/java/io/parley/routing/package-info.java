/**
 * Who takes which conversation: agents' availability and capacity, and automatic assignment of waiting sessions
 * (least-loaded or round-robin among online agents with room), oldest first, whenever room appears; the clocks of
 * assignments nobody takes up and of visitors' countdowns.
 */
package io.parley.routing;
