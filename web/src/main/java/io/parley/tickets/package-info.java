/** The offline form over HTTP: visitors leave a ticket (public), agents and admins list them. */
package io.parley.tickets;
