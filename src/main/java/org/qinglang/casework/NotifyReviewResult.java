package org.qinglang.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.common.Labels;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.mail.CaseMail;
import org.springframework.stereotype.Component;

/** Records the supervisor's review of an outcome and tells the complainant. */
@Component("notifyReviewResult")
public class NotifyReviewResult implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final CaseMail caseMail;
    private final Labels labels;

    public NotifyReviewResult(CaseFiles caseFiles, CaseMail caseMail, Labels labels) {
        this.caseFiles = caseFiles;
        this.caseMail = caseMail;
        this.labels = labels;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        String decision = labels.bilingual("review." + execution.getVariable("reviewDecision"));
        String result = decision + "\n" + execution.getVariable("reviewNote");
        complaint.reviewed(result);
        caseMail.reviewResult(complaint, result);
    }
}
