package org.qinglang.casework;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.common.CaseRuleViolation;
import org.qinglang.process.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Four eyes on Task_ReviewOutcome: whoever made the decision the outcome rests on (as the case file
 * records it) may neither claim nor complete its review; any other supervisor may.
 */
@Component("enforceIndependentReview")
public class EnforceIndependentReview implements TaskListener {

    private final CaseFiles caseFiles;

    public EnforceIndependentReview(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public void notify(DelegateTask task) {
        var complaint = caseFiles.get(task.getExecution().getProcessBusinessKey());
        String actor = CurrentUser.acting(task);
        if (actor == null) {
            throw CaseRuleViolation.invalid("claim the task before deciding 请先认领任务再作出决定");
        }
        // Neither who decided the outcome (a case worker's review may close an enforced case) nor who
        // decided the enforcement reviews it.
        if (actor.equals(complaint.getOutcomeDecidedBy()) || actor.equals(complaint.getEnforcementDecidedBy())) {
            throw CaseRuleViolation.forbidden("four-eyes rule: " + actor
                    + " made the decision under review and cannot review it 双人复核：原决定人不得复核");
        }
    }
}
