package org.qinglang.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.common.Labels;
import org.qinglang.mail.CaseMail;
import org.qinglang.registry.PlatformRepository;
import org.springframework.stereotype.Component;

/** Task_TellObjectionOutcome: the platform learns the outcome, to carry out and to pass on to the account holder. */
@Component("tellObjectionOutcome")
public class TellObjectionOutcome implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final Objections objections;
    private final PlatformRepository platforms;
    private final CaseMail mail;
    private final Labels labels;

    public TellObjectionOutcome(CaseFiles caseFiles, Objections objections, PlatformRepository platforms,
            CaseMail mail, Labels labels) {
        this.caseFiles = caseFiles;
        this.objections = objections;
        this.platforms = platforms;
        this.mail = mail;
        this.labels = labels;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Objection objection = objections.get(((Number) execution.getVariable(Objections.OBJECTION_ID)).longValue());
        Complaint complaint = caseFiles.get(objection.getCaseNumber());
        String measures = objections.standingDecision(complaint.getCaseNumber())
                .map(d -> objections.measuresText(d.getMeasures())).orElse("-");
        mail.objectionOutcome(complaint, platforms.findById(complaint.getPlatformCode()).orElseThrow(),
                objection.getId(), labels.bilingual("objection." + objection.getOutcome().name()), objection.getNote(),
                objection.getOutcome() == Objection.Outcome.REVOKED ? "-" : measures);
    }
}
