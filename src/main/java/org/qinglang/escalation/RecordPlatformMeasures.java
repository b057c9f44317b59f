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
        List<String> problems = new ArrayList<>();
        if (record == null || record.length() < 10) {
            problems.add("record what was done (at least 10 characters) 请记录实施情况（至少 10 个字）");
        }
        Instant interviewAt = null;
        if (measures.contains("PLATFORM_INTERVIEW")) {
            try {
                interviewAt = instant(task.getVariable(CaseVariables.INTERVIEW_AT));
            } catch (DateTimeParseException e) {
                problems.add("the interview's date and time cannot be read 约谈时间格式错误");
            }
            if (interviewAt == null && problems.isEmpty()) {
                problems.add("an interview needs its date and time 约谈须填写时间");
            }
            if (place == null) {
                problems.add("an interview needs its place 约谈须填写地点");
            }
        }
        if (!problems.isEmpty()) {
            throw CaseRuleViolation.invalid(String.join("; ", problems));
        }
        String by = CurrentUser.of(task);
        if (by == null) {
            throw CaseRuleViolation.invalid("claim the task first 请先认领任务");
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
