package org.qinglang.casefile;

public enum CaseOutcome {
    UNFOUNDED,
    ABANDONED,
    LINKED_TO_EXISTING_CASE,
    RECTIFIED,
    ENFORCED
}
