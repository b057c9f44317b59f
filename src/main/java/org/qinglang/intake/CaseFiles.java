package org.qinglang.intake;

import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Looks up the case file behind a process instance. */
@Service
public class CaseFiles {

    private final ComplaintRepository complaints;
    private final String publicBaseUrl;

    public CaseFiles(ComplaintRepository complaints,
            @org.springframework.beans.factory.annotation.Value("${qinglang.public-base-url}") String publicBaseUrl) {
        this.complaints = complaints;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** Download links for staff, one per stored item (the case must have been flushed). */
    public String evidenceLinks(Complaint complaint) {
        complaints.flush();
        return complaint.getEvidence().stream().filter(e -> e.getId() != null)
                .map(e -> (e.getFileName() == null ? e.getKind().name() : e.getFileName()) + "  "
                        + publicBaseUrl + "/staff/evidence/" + e.getId())
                .collect(Collectors.joining("\n"));
    }

    public Complaint get(String caseNumber) {
        return complaints.findByCaseNumber(caseNumber)
                .orElseThrow(() -> new CaseNotFoundException(caseNumber));
    }

    /** One line per preserved item: kind, name, size and SHA-256. */
    public static String evidenceSummary(Complaint complaint) {
        return complaint.getEvidence().stream()
                .map(e -> e.getKind() + " " + (e.getFileName() == null ? "-" : e.getFileName()) + " ("
                        + e.getSizeBytes() + " B) sha256:" + e.getSha256())
                .collect(Collectors.joining("\n"));
    }
}
