package org.qinglang.casefile;

/** How a case came to be: a complaint, or a lead without a complainant. */
public enum CaseOrigin {
    /** A citizen's or a victim enterprise's complaint (web form, API, e-mail). */
    COMPLAINT,
    /** A media investigation (媒体暗访): its source is confidential, seen by the responsible office only. */
    MEDIA_INVESTIGATION,
    /** Found by staff in a proactive screening (大排查). */
    PROACTIVE_SCREENING,
    /** Reported by a platform from its own inspection (自查自纠), through its signed link. */
    PLATFORM_SELF_INSPECTION;

    /** A lead has nobody to acknowledge, ask or inform: no complainant mail. */
    public boolean hasComplainant() {
        return this == COMPLAINT;
    }
}
