/**
 * The offline form: messages visitors leave when nobody can chat (outside business hours, nobody online), kept as
 * tickets for the agents, who are each notified of a new one. Answering them by e-mail comes later.
 */
package io.parley.tickets;
