/** What agents are told — assignments, transfers, visitors asking for a person — stored, and read or marked read. */
package io.parley.notifications;
