package org.qinglang.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.CaseOutcome;
import org.qinglang.casefile.Complaint;
import org.qinglang.mail.CaseMail;
import org.springframework.stereotype.Component;

/** Closes a case whose complainant did not send the requested information within 7 days. */
@Component("closeAbandonedComplaint")
public class CloseAbandonedComplaint implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final CaseMail caseMail;

    public CloseAbandonedComplaint(CaseFiles caseFiles, CaseMail caseMail) {
        this.caseFiles = caseFiles;
        this.caseMail = caseMail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        complaint.close(CaseOutcome.ABANDONED, null);
        caseMail.abandoned(complaint);
    }
}
