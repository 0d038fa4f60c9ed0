/** Agents' availability over HTTP: everyone's for the inbox, and one's own status and capacity. */
package io.parley.routing;
