package org.qinglang.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.mail.CaseMail;
import org.qinglang.process.CaseVariables;
import org.springframework.stereotype.Component;

/** Joins the complaint to the open case on the same content, or the one a case worker named, and tells the complainant (并案). */
@Component("linkToExistingCase")
public class LinkToExistingCase implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final CaseMail caseMail;

    public LinkToExistingCase(CaseFiles caseFiles, CaseMail caseMail) {
        this.caseFiles = caseFiles;
        this.caseMail = caseMail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        // A case worker's "duplicate" was recorded in the case file when they decided (CloseAsDuplicate);
        // the automatic check on the same link gives the open case here.
        String openCase = complaint.getLinkedCaseNumber();
        if (openCase == null) {
            openCase = (String) execution.getVariable(CaseVariables.DUPLICATE_OF);
            complaint.linkTo(openCase);
        }
        caseMail.linkedToOpenCase(complaint, openCase);
    }
}
