package org.qinglang.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.mail.CaseMail;
import org.springframework.stereotype.Component;

/** Task_RemindPolice: the answer the case waits for is overdue; the police liaison is reminded, with their link. */
@Component("remindPolice")
public class RemindPolice implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final CaseMail mail;

    public RemindPolice(CaseFiles caseFiles, CaseMail mail) {
        this.caseFiles = caseFiles;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mail.policeReminder(caseFiles.get(execution.getProcessBusinessKey()));
    }
}
