package org.qinglang.web;

import java.time.Instant;
import java.util.List;

/** A case as staff see it in the case list. */
public record ComplaintSummary(String caseNumber, String source, String category, String platform, String url,
        String accountName, String description, String complainantName, String complainantEmail, String stage,
        String outcome, String severity, String responsibleOffice, boolean criminalLead, Instant receivedAt,
        List<EvidenceView> evidence) {

    public record EvidenceView(String kind, String fileName, String contentType, long sizeBytes, String sha256) {
    }
}
