/** The offline form over HTTP: visitors leave a ticket (public), agents and admins list them; new ones are pushed as notifications. */
package io.parley.tickets;
