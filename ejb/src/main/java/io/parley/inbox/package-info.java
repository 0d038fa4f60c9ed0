/**
 * The agents' desk: the inbox (what an agent may see: unassigned sessions and their own; an admin every one), joining
 * a session, writing to the visitor, notes for colleagues, taking, assigning, transferring and resolving sessions.
 */
package io.parley.inbox;
