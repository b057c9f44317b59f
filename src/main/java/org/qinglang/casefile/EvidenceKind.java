package org.qinglang.casefile;

public enum EvidenceKind {
    SUBMITTED_TEXT,
    ATTACHMENT,
    COMPLAINANT_REPLY,
    PLATFORM_RESPONSE,
    /** The reported page as fetched by the system: its exchange (WARC), its HTML, its screenshot, a report. */
    PAGE_CAPTURE
}
