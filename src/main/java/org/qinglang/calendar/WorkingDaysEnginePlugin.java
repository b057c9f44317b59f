package org.qinglang.calendar;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the engine the working-day calendar through its business calendar setting, so that a timer
 * of "5 working days" or a task due in "2 working days" skips weekends and holidays as deadlines set
 * in Java do.
 */
@Component
class WorkingDaysEnginePlugin extends AbstractProcessEnginePlugin {

    private final WorkingDayCalendar calendar;

    WorkingDaysEnginePlugin(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, WorkingDaysBusinessCalendar.forDurations(calendar));
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, WorkingDaysBusinessCalendar.forDueDates(calendar));
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        configuration.setBusinessCalendarManager(calendars);
    }
}
