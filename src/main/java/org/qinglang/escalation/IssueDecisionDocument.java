package org.qinglang.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.mail.CaseMail;
import org.qinglang.process.CaseVariables;
import org.qinglang.registry.Platform;
import org.qinglang.registry.PlatformRepository;
import org.springframework.stereotype.Component;

/**
 * Task_IssueDecisionDocument: the enforcement decision goes out. Its document (处置决定书) is issued
 * and archived with its SHA-256, and mailed to the platform with the PDF attached, whatever follows
 * (a further deadline, a referral, or nothing).
 */
@Component("issueDecisionDocument")
public class IssueDecisionDocument implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final EnforcementActionRepository decisions;
    private final DecisionDocuments documents;
    private final PlatformRepository platforms;
    private final CaseMail mail;

    public IssueDecisionDocument(CaseFiles caseFiles, EnforcementActionRepository decisions,
            DecisionDocuments documents, PlatformRepository platforms, CaseMail mail) {
        this.caseFiles = caseFiles;
        this.decisions = decisions;
        this.documents = documents;
        this.platforms = platforms;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        EnforcementAction decision = decisions.findByCaseNumberOrderByEscalationLevel(complaint.getCaseNumber())
                .stream().filter(action -> action.getEscalationLevel() == complaint.getEscalationLevel())
                .findFirst().orElseThrow(() -> new IllegalStateException("no decision recorded at level "
                        + complaint.getEscalationLevel() + " of " + complaint.getCaseNumber()));
        Platform platform = platforms.findById(complaint.getPlatformCode()).orElseThrow();
        DecisionDocument document = documents.issue(complaint, platform, decision,
                mail.objectionLink(complaint.getCaseNumber()));
        mail.decisionDocument(complaint, platform, decision.getEscalationLevel(), document.getDocumentNumber(),
                document.getPdf(), document.getSha256());
        execution.setVariable(CaseVariables.DECISION_DOCUMENT_SHA256, document.getSha256());
    }
}
