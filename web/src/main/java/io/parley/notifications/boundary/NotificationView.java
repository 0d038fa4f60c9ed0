package io.parley.notifications.boundary;

import io.parley.notifications.entity.Notification;
import io.parley.platform.entity.UtcClock;
import java.time.Instant;
import java.util.Locale;

/** A notification as its reader sees it; {@code count}: how many events of its kind it stands for (it tells of the latest). */
public record NotificationView(String id, String kind, String text, String sessionId, int count, boolean read, Instant createdAt) {

    public static NotificationView of(Notification notification) {
        return new NotificationView(notification.id(), notification.kind().toLowerCase(Locale.ROOT), notification.text(),
                notification.sessionId(), notification.occurrences(), notification.readAt() != null, UtcClock.instant(notification.createdAt()));
    }
}
