/** Notifications over HTTP and pushed to the person's sockets as they happen. */
package io.parley.notifications;
