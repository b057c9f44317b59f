package org.qinglang.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting on a task: the logged-in user where there is one, else the assignee. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static String of(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }

    /**
     * Who acts in a task listener: on assignment the user the task goes to (a claim), otherwise the
     * logged-in user (a completion).
     */
    public static String acting(DelegateTask task) {
        return org.camunda.bpm.engine.delegate.TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())
                ? task.getAssignee() : of(task);
    }
}
