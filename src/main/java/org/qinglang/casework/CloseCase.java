package org.qinglang.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.springframework.stereotype.Component;

/** Closes the case with the outcome already recorded; an announcement may still follow. */
@Component("closeCase")
public class CloseCase implements JavaDelegate {

    private final CaseFiles caseFiles;

    public CloseCase(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        complaint.close(complaint.getOutcome(), complaint.getOutcomeNote());
    }
}
