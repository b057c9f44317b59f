package org.qinglang.intake;

import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Looks up the case file behind a process instance. */
@Service
public class CaseFiles {

    private final ComplaintRepository complaints;

    public CaseFiles(ComplaintRepository complaints) {
        this.complaints = complaints;
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
