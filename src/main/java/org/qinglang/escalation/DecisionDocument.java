package org.qinglang.escalation;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A decision document (处置决定书) as issued: the PDF the platform received, with its SHA-256; never changed. */
@Entity
@Table(name = "decision_document")
public class DecisionDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String caseNumber;
    private int escalationLevel;
    private String documentNumber;
    private Instant issuedAt;
    private String sha256;
    @Basic(fetch = FetchType.LAZY)
    private byte[] pdf;

    protected DecisionDocument() {
    }

    public DecisionDocument(String caseNumber, int escalationLevel, String documentNumber, Instant issuedAt,
            String sha256, byte[] pdf) {
        this.caseNumber = caseNumber;
        this.escalationLevel = escalationLevel;
        this.documentNumber = documentNumber;
        this.issuedAt = issuedAt;
        this.sha256 = sha256;
        this.pdf = pdf;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public int getEscalationLevel() {
        return escalationLevel;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public String getSha256() {
        return sha256;
    }

    public byte[] getPdf() {
        return pdf;
    }
}
