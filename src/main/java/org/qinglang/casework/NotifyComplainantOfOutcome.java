package org.qinglang.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.CaseOutcome;
import org.qinglang.casefile.Complaint;
import org.qinglang.common.Labels;
import org.qinglang.mail.CaseMail;
import org.qinglang.process.CaseVariables;
import org.springframework.stereotype.Component;

/** Tells the complainant how the case ended (结果反馈): rectified by the platform, or enforced. */
@Component("notifyComplainantOfOutcome")
public class NotifyComplainantOfOutcome implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final CaseMail caseMail;
    private final Labels labels;

    public NotifyComplainantOfOutcome(CaseFiles caseFiles, CaseMail caseMail, Labels labels) {
        this.caseFiles = caseFiles;
        this.caseMail = caseMail;
        this.labels = labels;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        boolean enforced = complaint.getEscalationLevel() > 0;
        CaseOutcome outcome = enforced ? CaseOutcome.ENFORCED : CaseOutcome.RECTIFIED;
        String details = (String) execution.getVariable(
                enforced ? CaseVariables.ENFORCEMENT_MEASURES_TEXT : CaseVariables.REQUIRED_MEASURES_TEXT);
        complaint.recordOutcome(outcome, details);
        caseMail.outcome(complaint, labels.bilingual("outcome." + outcome.name()), details);
    }
}
