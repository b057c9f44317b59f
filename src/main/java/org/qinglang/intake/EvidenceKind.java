package org.qinglang.intake;

public enum EvidenceKind {
    SUBMITTED_TEXT,
    ATTACHMENT,
    COMPLAINANT_REPLY,
    PLATFORM_RESPONSE
}
