package org.qinglang.casefile;

public enum ComplaintSource {
    WEB,
    API,
    EMAIL,
    /** Opened by staff on /staff/leads/new. */
    STAFF,
    /** Reported by a platform through its signed self-inspection link. */
    PLATFORM
}
