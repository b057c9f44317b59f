package org.qinglang.escalation;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.CaseStage;
import org.qinglang.casework.CaseReplies;
import org.qinglang.common.Labels;
import org.qinglang.process.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * On completing Task_ReviewRectification: an inadequate rectification escalates the case; an adequate
 * one closes it on the reviewer's decision (whom the outcome's review may not be given to). A
 * rectification whose report says an ordered measure was not carried out is never adequate.
 */
@Component("recordReviewOutcome")
public class RecordReviewOutcome implements TaskListener {

    private final CaseFiles caseFiles;
    private final Labels labels;
    private final CaseReplies replies;

    public RecordReviewOutcome(CaseFiles caseFiles, Labels labels, CaseReplies replies) {
        this.caseFiles = caseFiles;
        this.labels = labels;
        this.replies = replies;
    }

    @Override
    public void notify(DelegateTask task) {
        org.qinglang.casefile.Complaint complaint = caseFiles.get(task.getExecution().getProcessBusinessKey());
        complaint.decidedBy(org.qinglang.process.CurrentUser.of(task));
        // A case rectified in time may be a typical case too: the case worker proposes it, a supervisor approves.
        boolean propose = Boolean.TRUE.equals(task.getVariable(CaseVariables.ANNOUNCE));
        if (propose) {
            org.qinglang.common.CaseRuleViolation.Reason problem =
                    complaint.publicSummaryProblem((String) task.getVariable(CaseVariables.ANNOUNCEMENT_SUMMARY));
            if (problem != null) {
                throw org.qinglang.common.CaseRuleViolation.invalid(List.of(problem));
            }
        }
        complaint.proposeAnnouncement(propose ? (String) task.getVariable(CaseVariables.ANNOUNCEMENT_SUMMARY) : null);
        boolean adequate = Boolean.TRUE.equals(task.getVariable(CaseVariables.RECTIFICATION_ADEQUATE));
        List<String> refused = replies.measuresNotCarriedOut(complaint.getCaseNumber());
        if (adequate && !refused.isEmpty()) {
            // A measure the platform says it did not take cannot be waved through: it climbs the ladder.
            throw org.qinglang.common.CaseRuleViolation.invalid("rule.measures-not-carried-out",
                    refused.stream().map(code -> new org.qinglang.common.CaseRuleViolation.Reason("measure." + code)).toList());
        }
        if (!adequate) {
            complaint.moveTo(CaseStage.ESCALATED);
            task.setVariable(CaseVariables.ESCALATION_REASON, labels.bilingual("escalation.inadequate"));
        }
    }
}
