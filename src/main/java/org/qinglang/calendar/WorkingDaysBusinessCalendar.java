package org.qinglang.calendar;

import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's business calendar for timer durations and task due dates: "5 working days" counts
 * on the {@link WorkingDayCalendar}; anything else (ISO 8601 durations, dates, repeats) is read by the
 * engine's own calendar it replaces.
 */
class WorkingDaysBusinessCalendar implements BusinessCalendar {

    private final WorkingDayCalendar calendar;
    private final BusinessCalendar engineCalendar;

    private WorkingDaysBusinessCalendar(WorkingDayCalendar calendar, BusinessCalendar engineCalendar) {
        this.calendar = calendar;
        this.engineCalendar = engineCalendar;
    }

    /** For timers with a duration ({@code timeDuration}). */
    static WorkingDaysBusinessCalendar forDurations(WorkingDayCalendar calendar) {
        return new WorkingDaysBusinessCalendar(calendar, new DurationBusinessCalendar());
    }

    /** For {@code camunda:dueDate} of user tasks. */
    static WorkingDaysBusinessCalendar forDueDates(WorkingDayCalendar calendar) {
        return new WorkingDaysBusinessCalendar(calendar, new DueDateBusinessCalendar());
    }

    @Override
    public Date resolveDuedate(String description) {
        return resolveDuedate(description, (Date) null);
    }

    @Override
    public Date resolveDuedate(String description, Date startDate) {
        Deadline deadline = Deadline.read(description).orElse(null);
        if (deadline != null && deadline.countsWorkingDays()) {
            Date start = startDate != null ? startDate : ClockUtil.getCurrentTime();
            return Date.from(deadline.after(start.toInstant(), calendar));
        }
        return startDate == null ? engineCalendar.resolveDuedate(description)
                : engineCalendar.resolveDuedate(description, startDate);
    }

    @Override
    public Date resolveDuedate(String description, Task task) {
        return resolveDuedate(description, (Date) null);
    }
}
