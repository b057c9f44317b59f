package org.qinglang.announcement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import java.util.List;
import org.qinglang.common.CaseRuleViolation;
import org.qinglang.process.CurrentUser;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.process.CaseVariables;
import org.qinglang.casefile.Complaint;
import org.springframework.stereotype.Component;

/**
 * Four eyes on Task_ApproveAnnouncement: the supervisor who decided enforcement may neither claim
 * nor complete the approval of its announcement.
 */
@Component("enforceFourEyes")
public class EnforceFourEyes implements TaskListener {

    public static final String APPROVED_BY = "announcementApprovedBy";
    /** Who changed the proposed public summary when approving it (unset when it was kept as proposed). */
    public static final String SUMMARY_EDITED_BY = "announcementSummaryEditedBy";

    private final CaseFiles caseFiles;

    public EnforceFourEyes(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public void notify(DelegateTask task) {
        // From the case file: a task variable can be rewritten by whoever may work the task.
        Complaint complaint = caseFiles.get(task.getExecution().getProcessBusinessKey());
        String decidedBy = complaint.getEnforcementDecidedBy();
        String actor = CurrentUser.acting(task);
        if (actor == null) {
            throw CaseRuleViolation.invalid("rule.claim-before-approving");
        }
        if (actor.equals(decidedBy)) {
            throw CaseRuleViolation.forbidden("rule.four-eyes-announcement", actor);
        }
        if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            task.setVariable(APPROVED_BY, actor);
            String summary = (String) task.getVariable(CaseVariables.ANNOUNCEMENT_SUMMARY);
            if (Boolean.TRUE.equals(task.getVariable(CaseVariables.APPROVED))
                    && !java.util.Objects.equals(summary, complaint.getProposedSummary())) {
                CaseRuleViolation.Reason problem = complaint.publicSummaryProblem(summary);
                if (problem != null) {
                    throw CaseRuleViolation.invalid(List.of(problem));
                }
                task.setVariable(SUMMARY_EDITED_BY, actor);
            }
        }
    }
}
