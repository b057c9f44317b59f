package org.qinglang.common;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A step refused what a user asked of it because a rule of the case forbids it (four eyes, an
 * incomplete decision, an invalid correction). Nothing changed; the user can correct and try again,
 * so the APIs answer with a 4xx status and the reason rather than as a server error.
 */
public class CaseRuleViolation extends ProcessEngineException {

    /**
     * The refusal last raised on this thread. The webapps' copy of the engine API sees only the
     * engine's wrapper of it, as a server error, and offers no way to map exceptions; its request
     * filter asks here what the refusal was (RuleRefusalsOfTheWebapps).
     */
    private static final ThreadLocal<CaseRuleViolation> LAST_ON_THIS_THREAD = new ThreadLocal<>();

    /** The HTTP status that says what kind of refusal this is: 403 not this user, 422 not this input. */
    private final int status;

    public CaseRuleViolation(int status, String message) {
        super(message);
        this.status = status;
        LAST_ON_THIS_THREAD.set(this);
    }

    /** The refusal raised on this thread since the last call, if any; forgets it. */
    public static CaseRuleViolation takeLastOnThisThread() {
        CaseRuleViolation last = LAST_ON_THIS_THREAD.get();
        LAST_ON_THIS_THREAD.remove();
        return last;
    }

    public static CaseRuleViolation forbidden(String message) {
        return new CaseRuleViolation(403, message);
    }

    public static CaseRuleViolation invalid(String message) {
        return new CaseRuleViolation(422, message);
    }

    public int status() {
        return status;
    }
}
