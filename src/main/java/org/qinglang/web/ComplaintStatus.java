package org.qinglang.web;

import java.time.Instant;

/** What a complainant sees of their case: never other people's data, never internal notes. */
public record ComplaintStatus(String caseNumber, String stage, String stageLabel, String outcome, String outcomeLabel,
        String outcomeNote, Instant receivedAt, Instant updatedAt, Instant closedAt, Instant rectificationDueAt,
        String linkedCaseNumber) {
}
