package org.qinglang.escalation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.common.CaseRuleViolation;
import org.qinglang.common.EngineClock;
import org.qinglang.process.CaseVariables;
import org.qinglang.process.CurrentUser;
import org.qinglang.registry.MeasureCodes;
import org.springframework.stereotype.Component;

/**
 * On completing Task_TakePlatformMeasures: keeps what the office did against the platform in the
 * case file, refusing a record without content, and an interview without its appointment.
 */
@Component("recordPlatformMeasures")
public class RecordPlatformMeasures implements TaskListener {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CaseFiles caseFiles;
    private final PlatformMeasureRecordRepository records;

    public RecordPlatformMeasures(CaseFiles caseFiles, PlatformMeasureRecordRepository records) {
        this.caseFiles = caseFiles;
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        Complaint complaint = caseFiles.get(task.getExecution().getProcessBusinessKey());
        List<String> measures = MeasureCodes.parse(task.getVariable(CaseVariables.PLATFORM_MEASURES));
        String record = text(task.getVariable(CaseVariables.PLATFORM_MEASURES_RECORD));
        String place = text(task.getVariable(CaseVariables.INTERVIEW_PLACE));
        List<CaseRuleViolation.Reason> problems = new ArrayList<>();
        if (record == null || record.length() < 10) {
            problems.add(new CaseRuleViolation.Reason("rule.record-what-was-done"));
        }
        Instant interviewAt = null;
        if (measures.contains("PLATFORM_INTERVIEW")) {
            try {
                interviewAt = instant(task.getVariable(CaseVariables.INTERVIEW_AT));
            } catch (DateTimeParseException e) {
                problems.add(new CaseRuleViolation.Reason("rule.interview-time-unreadable"));
            }
            if (interviewAt == null && problems.isEmpty()) {
                problems.add(new CaseRuleViolation.Reason("rule.interview-needs-time"));
            }
            if (place == null) {
                problems.add(new CaseRuleViolation.Reason("rule.interview-needs-place"));
            }
        }
        if (!problems.isEmpty()) {
            throw CaseRuleViolation.invalid(problems);
        }
        String by = CurrentUser.of(task);
        if (by == null) {
            throw CaseRuleViolation.invalid("rule.claim-first");
        }
        if (records.findForCase(complaint.getCaseNumber()).isEmpty()) {
            records.save(new PlatformMeasureRecord(complaint.getCaseNumber(), complaint.getPlatformCode(),
                    String.join(",", measures), interviewAt, place, record, by, EngineClock.now()));
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    /** The form's date and time: with an offset, or local time in China. */
    static Instant instant(Object value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text).atZone(CHINA).toInstant();
        }
    }
}
