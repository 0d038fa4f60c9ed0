/** Agents' availability over HTTP, and telling agents of the conversations routing gave them. */
package io.parley.routing;
