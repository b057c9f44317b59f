package org.qinglang.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.mail.CaseMail;
import org.springframework.stereotype.Component;

/** Sends the complainant the case number and the private status link (举报受理回执). */
@Component("acknowledgeComplaint")
public class AcknowledgeComplaint implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final CaseMail caseMail;

    public AcknowledgeComplaint(CaseFiles caseFiles, CaseMail caseMail) {
        this.caseFiles = caseFiles;
        this.caseMail = caseMail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        caseMail.acknowledge(caseFiles.get(execution.getProcessBusinessKey()));
    }
}
