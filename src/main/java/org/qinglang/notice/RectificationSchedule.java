package org.qinglang.notice;

import java.time.Duration;
import java.time.Instant;
import org.qinglang.calendar.Deadline;
import org.qinglang.calendar.WorkingDayCalendar;

/**
 * When the rectification is due and when the platform is reminded. Periods are read as
 * {@link Deadline}s, so "5 working days" skips weekends and holidays. A reminder that would fall in
 * the past (a short deadline) is put halfway to the deadline instead.
 */
public record RectificationSchedule(Instant dueAt, Instant remindAt) {

    public static RectificationSchedule from(Instant now, String deadline, String reminderBefore,
            WorkingDayCalendar calendar) {
        Instant dueAt = Deadline.parse(deadline).after(now, calendar);
        Instant remindAt = Deadline.parse(reminderBefore).before(dueAt, calendar);
        if (!remindAt.isAfter(now)) {
            remindAt = now.plus(Duration.between(now, dueAt).dividedBy(2));
        }
        return new RectificationSchedule(dueAt, remindAt);
    }
}
