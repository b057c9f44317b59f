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
            throw CaseRuleViolation.invalid("rule.claim-before-deciding");
        }
        // Neither who decided the outcome (a case worker's review may close an enforced case) nor who
        // decided the enforcement reviews it.
        if (actor.equals(complaint.getOutcomeDecidedBy()) || actor.equals(complaint.getEnforcementDecidedBy())) {
            throw CaseRuleViolation.forbidden("rule.four-eyes-review", actor);
        }
    }
}
