package org.qinglang.escalation;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.qinglang.casefile.CaseFiles;
import org.qinglang.casefile.Complaint;
import org.qinglang.mail.CaseMail;
import org.qinglang.process.ProcessIds;
import org.springframework.stereotype.Component;

/**
 * A verification still open after its time limit: the task also enters the supervisors' queue with
 * high priority, and every supervisor is told by e-mail.
 */
@Component("escalateOverdueVerification")
public class EscalateOverdueVerification implements JavaDelegate {

    public static final String SUPERVISORS = "supervisors";
    static final int ESCALATED_PRIORITY = 90;

    private final CaseFiles caseFiles;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final CaseMail caseMail;

    public EscalateOverdueVerification(CaseFiles caseFiles, TaskService taskService, IdentityService identityService,
            CaseMail caseMail) {
        this.caseFiles = caseFiles;
        this.taskService = taskService;
        this.identityService = identityService;
        this.caseMail = caseMail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Task verification = taskService.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(ProcessIds.TASK_VERIFY_COMPLAINT)
                .singleResult();
        if (verification != null) {
            taskService.addCandidateGroup(verification.getId(), SUPERVISORS);
            taskService.setPriority(verification.getId(), ESCALATED_PRIORITY);
        }
        Complaint complaint = caseFiles.get(execution.getProcessBusinessKey());
        for (User supervisor : identityService.createUserQuery().memberOfGroup(SUPERVISORS).list()) {
            if (supervisor.getEmail() != null && !supervisor.getEmail().isBlank()) {
                caseMail.verificationOverdue(complaint, supervisor.getEmail());
            }
        }
    }
}
