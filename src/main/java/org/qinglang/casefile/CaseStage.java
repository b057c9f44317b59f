package org.qinglang.casefile;

/** Where a case stands, as the complainant and staff see it. */
public enum CaseStage {
    RECEIVED,
    UNDER_VERIFICATION,
    AWAITING_INFORMATION,
    PLATFORM_NOTIFIED,
    UNDER_REVIEW,
    ESCALATED,
    CLOSED
}
