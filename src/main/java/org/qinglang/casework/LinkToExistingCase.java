package org.qinglang.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.mail.CaseMail;
import org.qinglang.process.CaseVariables;
import org.springframework.stereotype.Component;

/** Joins the complaint to the open case on the same content and tells the complainant (并案). */
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
        String openCase = (String) execution.getVariable(CaseVariables.DUPLICATE_OF);
        complaint.linkTo(openCase);
        caseMail.linkedToOpenCase(complaint, openCase);
    }
}
