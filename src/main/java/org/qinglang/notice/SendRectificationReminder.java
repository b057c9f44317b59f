package org.qinglang.notice;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.mail.CaseMail;
import org.qinglang.registry.PlatformRepository;
import org.springframework.stereotype.Component;

/** Reminds the platform before its deadline, as a reply to the notice. */
@Component("sendRectificationReminder")
public class SendRectificationReminder implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final PlatformRepository platforms;
    private final CaseMail caseMail;

    public SendRectificationReminder(CaseFiles caseFiles, PlatformRepository platforms, CaseMail caseMail) {
        this.caseFiles = caseFiles;
        this.platforms = platforms;
        this.caseMail = caseMail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        caseMail.rectificationReminder(complaint, platforms.findById(complaint.getPlatformCode()).orElseThrow(),
                complaint.getEscalationLevel());
    }
}
