package org.qinglang.intake;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Looks up the case file behind a process instance. */
@Service
public class CaseFiles {

    private final ComplaintRepository complaints;
    private final EntityManager entityManager;
    private final String publicBaseUrl;

    public CaseFiles(ComplaintRepository complaints, EntityManager entityManager,
            @org.springframework.beans.factory.annotation.Value("${qinglang.public-base-url}") String publicBaseUrl) {
        this.complaints = complaints;
        this.entityManager = entityManager;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** Download links for staff, one per stored item. */
    public String evidenceLinks(Complaint complaint) {
        // Evidence added to a stored case gets its id when the session is flushed; a new case's has it.
        if (complaint.getEvidence().stream().anyMatch(e -> e.getId() == null)) {
            complaints.flush();
        }
        return complaint.getEvidence().stream().filter(e -> e.getId() != null)
                .map(e -> (e.getFileName() == null ? e.getKind().name() : e.getFileName()) + "  "
                        + publicBaseUrl + "/staff/evidence/" + e.getId())
                .collect(Collectors.joining("\n"));
    }

    /**
     * The case, loaded once per transaction: the steps of one job (acknowledge, triage, duplicate
     * check…) all ask for it, and a query would flush the session and read the row again each time.
     */
    public Complaint get(String caseNumber) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return load(caseNumber);
        }
        Map<String, Complaint> loaded = casesOfThisTransaction();
        Complaint complaint = loaded.get(caseNumber);
        // A transaction of its own (REQUIRES_NEW) inside this one has a session of its own.
        if (complaint == null || !entityManager.contains(complaint)) {
            complaint = load(caseNumber);
            loaded.put(caseNumber, complaint);
        }
        return complaint;
    }

    /** A case just stored in this transaction: its steps need not read it back. */
    public void opened(Complaint complaint) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            casesOfThisTransaction().put(complaint.getCaseNumber(), complaint);
        }
    }

    private Complaint load(String caseNumber) {
        return complaints.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Complaint> casesOfThisTransaction() {
        Map<String, Complaint> loaded = (Map<String, Complaint>) TransactionSynchronizationManager.getResource(this);
        if (loaded == null) {
            Map<String, Complaint> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CaseFiles.this);
                }
            });
            loaded = fresh;
        }
        return loaded;
    }

    /** One line per preserved item: kind, name, size and SHA-256. */
    public static String evidenceSummary(Complaint complaint) {
        return complaint.getEvidence().stream()
                .map(e -> e.getKind() + " " + (e.getFileName() == null ? "-" : e.getFileName()) + " ("
                        + e.getSizeBytes() + " B) sha256:" + e.getSha256())
                .collect(Collectors.joining("\n"));
    }
}
