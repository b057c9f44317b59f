package org.qinglang.casefile;

/** The violation categories of the 2023 Qinglang notice on self-media. */
public enum ComplaintCategory {
    RUMOUR,
    HARMFUL_INFORMATION,
    MALICIOUS_HYPE,
    IMPERSONATION,
    ILLEGAL_PROFITEERING,
    EXTORTION_PAID_DELETION,
    OTHER_ILLEGAL
}
