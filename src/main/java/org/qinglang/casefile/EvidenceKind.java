package org.qinglang.casefile;

public enum EvidenceKind {
    SUBMITTED_TEXT,
    ATTACHMENT,
    COMPLAINANT_REPLY,
    PLATFORM_RESPONSE
}
