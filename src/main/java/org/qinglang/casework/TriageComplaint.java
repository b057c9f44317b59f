package org.qinglang.casework;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.common.EngineClock;
import org.qinglang.process.CaseVariables;
import org.springframework.stereotype.Component;

/** Grades the case by the triage tables and records severity, deadlines and the responsible office (分级分办). */
@Component("triageComplaint")
public class TriageComplaint implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final TriageService triageService;

    public TriageComplaint(CaseFiles caseFiles, TriageService triageService) {
        this.caseFiles = caseFiles;
        this.triageService = triageService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        Triage triage = triageService.triage(complaint);
        complaint.triaged(triage.severity(), triage.criminalLead(), triage.responsibleOffice(),
                triage.rectificationDeadline(), triage.reminderBefore());
        setTriageVariables(execution, triage);
    }

    static void setTriageVariables(VariableScope variables, Triage triage) {
        variables.setVariable(CaseVariables.SEVERITY, triage.severity());
        variables.setVariable(CaseVariables.CRIMINAL_LEAD, triage.criminalLead());
        variables.setVariable(CaseVariables.RESPONSIBLE_OFFICE, triage.responsibleOffice());
        variables.setVariable(CaseVariables.RECTIFICATION_DEADLINE, triage.rectificationDeadline());
        // No further deadline exists before enforcement; a copy of the old deadline, as cases started
        // before noticeDeadline meant only that hold, must not outlive a new triage.
        variables.removeVariable(CaseVariables.NOTICE_DEADLINE);
        variables.setVariable(CaseVariables.REMINDER_BEFORE, triage.reminderBefore());
        variables.setVariable(CaseVariables.VERIFICATION_SLA, triage.verificationSla());
        variables.setVariable(CaseVariables.VERIFICATION_DUE_AT,
                Date.from(EngineClock.now().plus(Duration.parse(triage.verificationSla()))));
    }
}
