package org.qinglang.notice;

import java.time.Duration;
import java.time.Instant;

/**
 * When the rectification is due and when the platform is reminded. A reminder that would fall in
 * the past (a short deadline) is put halfway to the deadline instead.
 */
public record RectificationSchedule(Instant dueAt, Instant remindAt) {

    public static RectificationSchedule from(Instant now, String deadline, String reminderBefore) {
        Duration period = Duration.parse(deadline);
        Instant dueAt = now.plus(period);
        Instant remindAt = dueAt.minus(Duration.parse(reminderBefore));
        if (!remindAt.isAfter(now)) {
            remindAt = now.plus(period.dividedBy(2));
        }
        return new RectificationSchedule(dueAt, remindAt);
    }
}
