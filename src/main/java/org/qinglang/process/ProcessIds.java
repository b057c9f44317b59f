package org.qinglang.process;

import java.util.Map;
import java.util.Set;

/**
 * The ids of the models' elements and messages that Java relies on (Tasklist filters, the overdue
 * alert, message correlation). A model that lacks one is refused at deployment, saying which.
 */
public final class ProcessIds {

    public static final String OUTCOME_REVIEW_KEY = "outcome-review";

    public static final String TASK_VERIFY_COMPLAINT = "Task_VerifyComplaint";
    public static final String TASK_DECIDE_ENFORCEMENT = "Task_DecideEnforcement";
    public static final String TASK_APPROVE_ANNOUNCEMENT = "Task_ApproveAnnouncement";
    public static final String TASK_REVIEW_OUTCOME = "Task_ReviewOutcome";

    /** By process key: the element ids the process must keep. */
    public static final Map<String, Set<String>> REQUIRED_ELEMENTS = Map.of(
            CaseVariables.PROCESS_KEY, Set.of(TASK_VERIFY_COMPLAINT, TASK_DECIDE_ENFORCEMENT, TASK_APPROVE_ANNOUNCEMENT),
            OUTCOME_REVIEW_KEY, Set.of(TASK_REVIEW_OUTCOME));

    /** By process key: the names of the messages Java correlates to it. */
    public static final Map<String, Set<String>> REQUIRED_MESSAGES = Map.of(
            CaseVariables.PROCESS_KEY, Set.of(CaseVariables.MESSAGE_PLATFORM_RESPONDED,
                    CaseVariables.MESSAGE_COMPLAINANT_REPLIED, CaseVariables.MESSAGE_CASE_REOPENED,
                    CaseVariables.MESSAGE_POLICE_ANSWERED));

    private ProcessIds() {
    }
}
