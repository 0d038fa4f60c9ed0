/**
 * Live visitors: people on a site with the widget, chatting or not, whom agents see and may start a chat with. Who is
 * connected is known by the web tier that holds their sockets; what changes is announced with this component's events.
 */
package io.parley.visitors;
