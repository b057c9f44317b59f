package org.qinglang.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.common.CaseRuleViolation;
import org.qinglang.process.CaseVariables;
import org.qinglang.process.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * On completing Task_DecideEnforcement: refuses an incomplete decision, and remembers who decided,
 * so that a different supervisor approves any announcement (four eyes).
 */
@Component("recordEnforcementDecider")
public class RecordEnforcementDecider implements TaskListener {

    private final CaseFiles caseFiles;

    public RecordEnforcementDecider(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public void notify(DelegateTask task) {
        List<CaseRuleViolation.Reason> problems = new ArrayList<>(EnforcementDecision.from(task).problems());
        if (Boolean.TRUE.equals(task.getVariable(CaseVariables.ANNOUNCE))) {
            CaseRuleViolation.Reason problem = caseFiles.get(task.getExecution().getProcessBusinessKey())
                    .publicSummaryProblem((String) task.getVariable(CaseVariables.ANNOUNCEMENT_SUMMARY));
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw CaseRuleViolation.invalid(problems);
        }
        String decider = CurrentUser.of(task);
        if (decider == null) {
            throw CaseRuleViolation.invalid("rule.claim-before-deciding");
        }
        Complaint complaint = caseFiles.get(task.getExecution().getProcessBusinessKey());
        complaint.enforcementDecidedBy(decider);
        complaint.proposeAnnouncement(Boolean.TRUE.equals(task.getVariable(CaseVariables.ANNOUNCE))
                ? (String) task.getVariable(CaseVariables.ANNOUNCEMENT_SUMMARY) : null);
        // A copy for the approver's form to show; the four-eyes check reads the case file.
        task.setVariable(CaseVariables.ENFORCEMENT_DECIDED_BY, decider);
    }
}
