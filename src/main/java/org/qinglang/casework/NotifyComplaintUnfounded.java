package org.qinglang.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.CaseOutcome;
import org.qinglang.casefile.Complaint;
import org.qinglang.mail.CaseMail;
import org.qinglang.process.CaseVariables;
import org.springframework.stereotype.Component;

/** Closes an unfounded complaint and tells the complainant why. */
@Component("notifyComplaintUnfounded")
public class NotifyComplaintUnfounded implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final CaseMail caseMail;

    public NotifyComplaintUnfounded(CaseFiles caseFiles, CaseMail caseMail) {
        this.caseFiles = caseFiles;
        this.caseMail = caseMail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        String note = (String) execution.getVariable(CaseVariables.VERIFICATION_NOTE);
        complaint.close(CaseOutcome.UNFOUNDED, note);
        caseMail.unfounded(complaint, note);
    }
}
