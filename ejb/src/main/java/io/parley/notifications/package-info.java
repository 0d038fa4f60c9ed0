/**
 * What agents are told — assignments, transfers, visitors asking for a person, messages left with the offline form —
 * decided inside the transaction of what it tells about, stored, announced to the person if they want it at once, and
 * read or marked read.
 */
package io.parley.notifications;
