package org.qinglang.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.qinglang.common.CaseRuleViolation;
import org.springframework.stereotype.Service;

/**
 * Claiming the open tasks of several cases at once, as the user would one by one in Tasklist: only
 * unclaimed tasks of the user's groups, each through the engine with the user's identity, so its
 * authorization checks and the case's rules (four eyes) apply to every one.
 */
@Service
public class BulkClaims {

    public static final int MOST = 50;

    /** What was claimed (task names by case) and what was not, with why. */
    public record Result(Map<String, List<String>> claimed, Map<String, CaseRuleViolation.Reason> refused) {
    }

    private final TaskService tasks;
    private final IdentityService identity;

    public BulkClaims(TaskService tasks, IdentityService identity) {
        this.tasks = tasks;
        this.identity = identity;
    }

    public Result claim(List<String> caseNumbers, String userId) {
        return ActingAs.user(identity, userId, groups -> {
            Map<String, List<String>> claimed = new LinkedHashMap<>();
            Map<String, CaseRuleViolation.Reason> refused = new LinkedHashMap<>();
            for (String caseNumber : caseNumbers.stream().distinct().limit(MOST).toList()) {
                List<Task> open = groups.isEmpty() ? List.of() : tasks.createTaskQuery()
                        .processInstanceBusinessKey(caseNumber).taskUnassigned().taskCandidateGroupIn(groups).list();
                if (open.isEmpty()) {
                    refused.put(caseNumber, new CaseRuleViolation.Reason("bulk.no-task"));
                    continue;
                }
                for (Task task : open) {
                    try {
                        tasks.claim(task.getId(), userId);
                        claimed.computeIfAbsent(caseNumber, n -> new ArrayList<>()).add(task.getName());
                    } catch (ProcessEngineException e) {
                        refused.put(caseNumber, BulkDuplicates.reasonOf(e));
                    }
                }
            }
            return new Result(claimed, refused);
        });
    }
}
