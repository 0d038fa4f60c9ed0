/**
 * What agents are told — assignments, transfers, visitors asking for a person, messages left with the offline form —
 * stored, and read or marked read.
 */
package io.parley.notifications;
