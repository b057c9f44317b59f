package org.qinglang.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.CaseStage;
import org.qinglang.casefile.Complaint;
import org.qinglang.mail.CaseMail;
import org.qinglang.process.CaseVariables;
import org.springframework.stereotype.Component;

/** Asks the complainant for what the case worker needs; each request is its own message. */
@Component("requestMoreInformation")
public class RequestMoreInformation implements JavaDelegate {

    static final String REQUEST_COUNT = "informationRequests";

    private final CaseFiles caseFiles;
    private final CaseMail caseMail;

    public RequestMoreInformation(CaseFiles caseFiles, CaseMail caseMail) {
        this.caseFiles = caseFiles;
        this.caseMail = caseMail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        Integer earlier = (Integer) execution.getVariable(REQUEST_COUNT);
        int requestNumber = earlier == null ? 1 : earlier + 1;
        complaint.moveTo(CaseStage.AWAITING_INFORMATION);
        caseMail.requestInformation(complaint, (String) execution.getVariable(CaseVariables.VERIFICATION_NOTE),
                requestNumber);
        execution.setVariable(REQUEST_COUNT, requestNumber);
    }
}
