/** Notifications over HTTP: a person's own, read and marked read (they are pushed to their sockets as they happen). */
package io.parley.notifications;
