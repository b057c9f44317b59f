package org.qinglang.casefile;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.qinglang.common.EngineClock;
import org.qinglang.common.ModelCallable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Looks up the case file behind a process instance. */
@Service
public class CaseFiles {

    private final ComplaintRepository complaints;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;

    public CaseFiles(ComplaintRepository complaints, EntityManager entityManager, JdbcTemplate jdbc) {
        this.complaints = complaints;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    /**
     * Whether triage found a criminal lead, as the case file records it: the process asks here, not a
     * variable someone working a task could have set.
     */
    @ModelCallable
    public boolean isCriminalLead(String caseNumber) {
        return get(caseNumber).isCriminalLead();
    }

    /**
     * Whether a correction at the last verification moved the case to another office: it then goes
     * back to verification for that office instead of on with the mover's conclusion.
     */
    @ModelCallable
    public boolean isHandedOver(String caseNumber) {
        return get(caseNumber).isHandoverPending();
    }

    /** The case file's facts the triage tables decide on (SubProcess_Triage's input mappings). */
    @ModelCallable
    public String category(String caseNumber) {
        return get(caseNumber).getCategory().name();
    }

    @ModelCallable
    public String reporterType(String caseNumber) {
        return get(caseNumber).getReporterType().name();
    }

    /** The escalation level the next enforcement decision will be (the enforcement ladder's input). */
    @ModelCallable
    public int nextEscalationLevel(String caseNumber) {
        return get(caseNumber).getEscalationLevel() + 1;
    }

    /** The offence a case worker named, or null (the police-liaison table's input). */
    @ModelCallable
    public String criminalOffence(String caseNumber) {
        return get(caseNumber).getCriminalOffence();
    }

    @ModelCallable
    public String severity(String caseNumber) {
        return get(caseNumber).getSeverity();
    }

    @ModelCallable
    public String platformCode(String caseNumber) {
        return get(caseNumber).getPlatformCode();
    }

    /**
     * The case, loaded once per transaction: the steps of one job (acknowledge, triage, duplicate
     * check…) all ask for it, and a query would flush the session and read the row again each time.
     */
    public Complaint get(String caseNumber) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return load(caseNumber);
        }
        Complaint complaint = loadedInThisTransaction(caseNumber);
        if (complaint == null) {
            complaint = load(caseNumber);
            casesOfThisTransaction().put(caseNumber, complaint);
        }
        return complaint;
    }

    /**
     * Records that the rectification deadline passed, as {@link Complaint#deadlineMissed()} does. It
     * is the only change to the case file when a deadline falls due, and thousands can fall due
     * together: one UPDATE instead of loading the case through the session, comparing every field
     * at the commit and writing them all back, which took a fifth of an escalation's CPU
     * (docs/performance.md). The version moves on as it would through the session, so a stale copy
     * elsewhere still fails its own update.
     */
    public void recordDeadlineMissed(String caseNumber) {
        Complaint loaded = loadedInThisTransaction(caseNumber);
        if (loaded != null) {
            loaded.deadlineMissed();
            return;
        }
        int updated = jdbc.update("UPDATE complaint SET deadline_missed = TRUE, stage = ?, updated_at = ?,"
                + " version = version + 1 WHERE case_number = ?", CaseStage.ESCALATED.name(),
                Timestamp.from(EngineClock.now()), caseNumber);
        if (updated == 0) {
            throw new CaseNotFoundException(caseNumber);
        }
    }

    /** The case as this transaction's session holds it, or null when the session does not hold it. */
    @SuppressWarnings("unchecked")
    private Complaint loadedInThisTransaction(String caseNumber) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, Complaint> loaded = (Map<String, Complaint>) TransactionSynchronizationManager.getResource(this);
        Complaint complaint = loaded == null ? null : loaded.get(caseNumber);
        // A transaction of its own (REQUIRES_NEW) inside this one has a session of its own.
        return complaint != null && entityManager.contains(complaint) ? complaint : null;
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

    /**
     * Each preserved item: what it is on a line of its own, as people read it in both languages (a
     * reader of one is shown that one), then its name, size and SHA-256.
     */
    public static String evidenceSummary(Complaint complaint, org.qinglang.common.Labels labels) {
        return complaint.getEvidence().stream()
                .map(e -> labels.bilingual("evidence.kind." + e.getKind().name()) + "\n  "
                        + (e.getFileName() == null ? "-" : e.getFileName()) + " (" + e.getSizeBytes() + " B) sha256:"
                        + e.getSha256())
                .collect(Collectors.joining("\n"));
    }
}
