package org.qinglang.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.qinglang.process.CaseVariables;
import org.qinglang.common.Labels;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.CaseStage;
import org.springframework.stereotype.Component;

/**
 * On completing Task_ReviewRectification: an inadequate rectification escalates the case; an adequate
 * one closes it on the reviewer's decision (whom the outcome's review may not be given to).
 */
@Component("recordReviewOutcome")
public class RecordReviewOutcome implements TaskListener {

    private final CaseFiles caseFiles;
    private final Labels labels;

    public RecordReviewOutcome(CaseFiles caseFiles, Labels labels) {
        this.caseFiles = caseFiles;
        this.labels = labels;
    }

    @Override
    public void notify(DelegateTask task) {
        org.qinglang.casefile.Complaint complaint = caseFiles.get(task.getExecution().getProcessBusinessKey());
        complaint.decidedBy(org.qinglang.process.CurrentUser.of(task));
        // A case rectified in time may be a typical case too: the case worker proposes it, a supervisor approves.
        boolean propose = Boolean.TRUE.equals(task.getVariable(CaseVariables.ANNOUNCE));
        if (propose) {
            String problem = complaint.publicSummaryProblem((String) task.getVariable(CaseVariables.ANNOUNCEMENT_SUMMARY));
            if (problem != null) {
                throw org.qinglang.common.CaseRuleViolation.invalid(problem);
            }
        }
        complaint.proposeAnnouncement(propose ? (String) task.getVariable(CaseVariables.ANNOUNCEMENT_SUMMARY) : null);
        if (!Boolean.TRUE.equals(task.getVariable(CaseVariables.RECTIFICATION_ADEQUATE))) {
            complaint.moveTo(CaseStage.ESCALATED);
            task.setVariable(CaseVariables.ESCALATION_REASON, labels.bilingual("escalation.inadequate"));
        }
    }
}
