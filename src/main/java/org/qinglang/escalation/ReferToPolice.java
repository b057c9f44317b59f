package org.qinglang.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.mail.CaseMail;
import org.qinglang.registry.PlatformRepository;
import org.springframework.stereotype.Component;

/**
 * Sends the criminal lead with its preserved evidence to the police liaison (线索通报). Used for
 * criminal leads at verification and for referrals a supervisor decides; a case is referred once.
 */
@Component("referToPolice")
public class ReferToPolice implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final PlatformRepository platforms;
    private final CaseMail caseMail;

    private final org.qinglang.common.Labels labels;

    public ReferToPolice(CaseFiles caseFiles, PlatformRepository platforms, CaseMail caseMail,
            org.qinglang.common.Labels labels) {
        this.labels = labels;
        this.caseFiles = caseFiles;
        this.platforms = platforms;
        this.caseMail = caseMail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        caseMail.policeReferral(complaint, platforms.findById(complaint.getPlatformCode()).orElseThrow(),
                CaseFiles.evidenceSummary(complaint, labels));
    }
}
