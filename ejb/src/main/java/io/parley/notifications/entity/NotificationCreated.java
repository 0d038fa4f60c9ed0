package io.parley.notifications.entity;

/** A notification is stored for a person who wants to be told at once (desktop notifications on). */
public record NotificationCreated(Notification notification) {
}
