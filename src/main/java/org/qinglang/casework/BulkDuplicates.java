package org.qinglang.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.qinglang.common.CaseRuleViolation;
import org.qinglang.process.CaseVariables;
import org.qinglang.security.StaffNames;
import org.springframework.stereotype.Service;

/**
 * Closing several complaints at once as duplicates of one open case (并案), as the case worker would
 * one by one on each verification form: each case's verification task, claimed and completed through
 * the engine with the user's identity, so the engine's authorizations and the form's rule
 * (CloseAsDuplicate: another case, still open) apply to every one; each complainant is told.
 */
@Service
public class BulkDuplicates {

    public static final int MOST = BulkClaims.MOST;

    /** The cases closed and those that were not, with why. */
    public record Result(List<String> closed, Map<String, CaseRuleViolation.Reason> refused) {
    }

    /** Why the engine refused a task's claim or completion, as the user reads it. */
    static CaseRuleViolation.Reason reasonOf(ProcessEngineException refusal) {
        // The engine wraps a listener's refusal in its own exception.
        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
            if (cause instanceof CaseRuleViolation rule) {
                return new CaseRuleViolation.Reason("bulk.reasons", rule.reasons());
            }
        }
        if (refusal instanceof org.camunda.bpm.engine.TaskAlreadyClaimedException) {
            return new CaseRuleViolation.Reason("bulk.taken");
        }
        return new CaseRuleViolation.Reason("bulk.engine-refused", refusal.getMessage());
    }

    private final TaskService tasks;
    private final IdentityService identity;
    private final StaffNames staffNames;

    public BulkDuplicates(TaskService tasks, IdentityService identity, StaffNames staffNames) {
        this.tasks = tasks;
        this.identity = identity;
        this.staffNames = staffNames;
    }

    public Result close(List<String> caseNumbers, String openCase, String userId) {
        String target = openCase == null ? "" : openCase.strip().toUpperCase(Locale.ROOT);
        return ActingAs.user(identity, userId, groups -> {
            List<String> closed = new ArrayList<>();
            Map<String, CaseRuleViolation.Reason> refused = new LinkedHashMap<>();
            for (String caseNumber : caseNumbers.stream().distinct().limit(MOST).toList()) {
                if (caseNumber.equals(target)) {
                    // Ticked along with the others: it is the case they are joined to, not one to close.
                    continue;
                }
                Task verification = groups.isEmpty() ? null : tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                        .taskDefinitionKey(org.qinglang.process.ProcessIds.TASK_VERIFY_COMPLAINT).taskCandidateGroupIn(groups).includeAssignedTasks()
                        .singleResult();
                if (verification == null) {
                    refused.put(caseNumber, new CaseRuleViolation.Reason("bulk.not-verifying"));
                    continue;
                }
                if (verification.getAssignee() != null && !verification.getAssignee().equals(userId)) {
                    refused.put(caseNumber, new CaseRuleViolation.Reason("bulk.verified-by", staffNames.of(verification.getAssignee())));
                    continue;
                }
                try {
                    if (verification.getAssignee() == null) {
                        tasks.claim(verification.getId(), userId);
                    }
                    tasks.complete(verification.getId(), Map.of(
                            CaseVariables.VERIFICATION_OUTCOME, CloseAsDuplicate.OUTCOME,
                            CaseVariables.DUPLICATE_OF, target,
                            CaseVariables.VERIFICATION_NOTE, "并入在办案件 Joined to the open case " + target));
                    closed.add(caseNumber);
                } catch (ProcessEngineException e) {
                    refused.put(caseNumber, reasonOf(e));
                    // A refused completion leaves the task claimed by the user: give it back as it was.
                    unclaimIfClaimedHere(verification, userId);
                }
            }
            return new Result(closed, refused);
        });
    }

    private void unclaimIfClaimedHere(Task verification, String userId) {
        if (verification.getAssignee() == null) {
            try {
                Task now = tasks.createTaskQuery().taskId(verification.getId()).singleResult();
                if (now != null && userId.equals(now.getAssignee())) {
                    tasks.setAssignee(verification.getId(), null);
                }
            } catch (ProcessEngineException ignored) {
                // Left claimed: the user sees it in their own tasks.
            }
        }
    }
}
