package org.qinglang.notice;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.calendar.WorkingDayCalendar;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.casework.MeasureLines;
import org.qinglang.common.EngineClock;
import org.qinglang.common.Labels;
import org.qinglang.mail.CaseMail;
import org.qinglang.process.CaseVariables;
import org.qinglang.registry.MeasureCodes;
import org.qinglang.registry.Platform;
import org.qinglang.registry.PlatformRepository;
import org.springframework.stereotype.Component;

/**
 * The formal notice to the platform's registered contact (通知平台限期整改): content, legal
 * basis, measures and deadline. Sent again, with the supervisor's measures, on a further deadline.
 */
@Component("sendPlatformNotice")
public class SendPlatformNotice implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final PlatformRepository platforms;
    private final CaseMail caseMail;
    private final Labels labels;
    private final WorkingDayCalendar calendar;

    public SendPlatformNotice(CaseFiles caseFiles, PlatformRepository platforms, CaseMail caseMail, Labels labels,
            WorkingDayCalendar calendar) {
        this.caseFiles = caseFiles;
        this.platforms = platforms;
        this.caseMail = caseMail;
        this.labels = labels;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        Platform platform = platforms.findById(complaint.getPlatformCode()).orElseThrow();
        int level = complaint.getEscalationLevel();
        RectificationSchedule schedule = RectificationSchedule.from(EngineClock.now(),
                noticeDeadline(execution, complaint), reminderBefore(execution, complaint), calendar);
        complaint.rectificationDue(schedule.dueAt(), level);

        List<String> measures = new ArrayList<>(codes(execution.getVariable(CaseVariables.REQUIRED_MEASURES)));
        if (level > 0) {
            // Only orders about the account go to the platform; measures against the platform are ours.
            codes(execution.getVariable(CaseVariables.ENFORCEMENT_MEASURES_CODES)).stream()
                    .filter(MeasureCodes.ACCOUNT_ENFORCEMENT::contains)
                    .filter(code -> !measures.contains(code)).forEach(measures::add);
        }
        caseMail.platformNotice(complaint, platform, level,
                measures.stream().map(code -> "- " + labels.measure(code)).toList(), schedule.dueAt(),
                labels.bilingual("notice.legal-basis"), measures.stream().map(MeasureLines::blank).toList());

        execution.setVariable(CaseVariables.ORDERED_MEASURES, String.join(",", measures));
        execution.setVariable(CaseVariables.RECTIFICATION_DUE_AT, Date.from(schedule.dueAt()));
        execution.setVariable(CaseVariables.REMINDER_DUE_AT, Date.from(schedule.remindAt()));
        execution.setVariable(CaseVariables.RECTIFICATION_DUE_AT_TEXT, CaseMail.formatTime(schedule.dueAt()));
    }

    /**
     * A further deadline set on enforcement, else the one triage gave as the case file keeps it (a
     * variable only for cases triaged before the case file kept it).
     */
    private static String noticeDeadline(DelegateExecution execution, Complaint complaint) {
        Object further = execution.getVariable(CaseVariables.NOTICE_DEADLINE);
        if (further != null) {
            return (String) further;
        }
        return complaint.getRectificationDeadline() != null ? complaint.getRectificationDeadline()
                : (String) execution.getVariable(CaseVariables.RECTIFICATION_DEADLINE);
    }

    private static String reminderBefore(DelegateExecution execution, Complaint complaint) {
        return complaint.getReminderBefore() != null ? complaint.getReminderBefore()
                : (String) execution.getVariable(CaseVariables.REMINDER_BEFORE);
    }

    private static List<String> codes(Object commaSeparated) {
        return MeasureCodes.parse(commaSeparated);
    }
}
