package org.qinglang.common;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A step refused what a user asked of it because a rule of the case forbids it (four eyes, an
 * incomplete decision, an invalid correction). Nothing changed; the user can correct and try again,
 * so the APIs answer with a 4xx status and the reason rather than as a server error.
 */
public class CaseRuleViolation extends ProcessEngineException {

    /** The HTTP status that says what kind of refusal this is: 403 not this user, 422 not this input. */
    private final int status;

    public CaseRuleViolation(int status, String message) {
        super(message);
        this.status = status;
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
