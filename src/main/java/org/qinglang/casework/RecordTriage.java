package org.qinglang.casework;

import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.calendar.Deadline;
import org.qinglang.calendar.WorkingDayCalendar;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.common.EngineClock;
import org.qinglang.process.CaseVariables;
import org.qinglang.security.StaffOffices;
import org.springframework.stereotype.Component;

/**
 * Task_RecordTriage: writes what the triage tables decided (the business rule tasks before it) into
 * the case file, which later steps trust, and sets the verification deadline. After a case worker's
 * correction (Gateway_Corrected) it also decides whether the case changes hands: a move by someone
 * who is not staff of both offices sends it back to verification in the new office, and the mover
 * gains no access by it.
 */
@Component("recordTriage")
public class RecordTriage implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final StaffOffices offices;
    private final WorkingDayCalendar calendar;
    private final org.qinglang.common.Labels labels;

    public RecordTriage(CaseFiles caseFiles, StaffOffices offices, WorkingDayCalendar calendar,
            org.qinglang.common.Labels labels) {
        this.labels = labels;
        this.caseFiles = caseFiles;
        this.offices = offices;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        String officeBefore = complaint.getResponsibleOffice();
        String office = (String) execution.getVariable(CaseVariables.RESPONSIBLE_OFFICE);
        complaint.triaged((String) execution.getVariable(CaseVariables.SEVERITY),
                Boolean.TRUE.equals(execution.getVariable(CaseVariables.CRIMINAL_LEAD)), office,
                (String) execution.getVariable(CaseVariables.RECTIFICATION_DEADLINE),
                (String) execution.getVariable(CaseVariables.REMINDER_BEFORE));
        execution.setVariable(CaseVariables.SEVERITY_LABEL, labels.bilingual("severity."
                + execution.getVariable(CaseVariables.SEVERITY)));
        // No further deadline exists before enforcement; a copy of an old one must not outlive a new triage.
        execution.removeVariable(CaseVariables.NOTICE_DEADLINE);
        String sla = (String) execution.getVariable(CaseVariables.VERIFICATION_SLA);
        execution.setVariable(CaseVariables.VERIFICATION_DUE_AT, Date.from(Deadline.parse(sla).after(EngineClock.now(), calendar)));

        String corrector = (String) execution.getVariable(CaseVariables.CORRECTED_BY);
        if (CaseVariables.isTriageAgain(execution) && officeBefore != null && !Objects.equals(officeBefore, office)
                && !(offices.mayReadPersonalData(corrector, officeBefore)
                        && offices.mayReadPersonalData(corrector, office))) {
            complaint.rerouted(corrector, officeBefore);
            execution.setVariable(CaseVariables.VERIFICATION_OUTCOME, null);
        }
    }
}
