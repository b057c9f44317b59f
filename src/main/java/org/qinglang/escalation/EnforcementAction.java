package org.qinglang.escalation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What a supervisor decided at one escalation level of a case. */
@Entity
@Table(name = "enforcement_action")
public class EnforcementAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String caseNumber;
    private int escalationLevel;
    private String measures;
    private boolean policeReferral;
    private String furtherDeadline;
    private String note;
    private String decidedBy;
    private Instant decidedAt;
    private java.math.BigDecimal fineAmount;
    private boolean revoked;

    protected EnforcementAction() {
    }

    public EnforcementAction(String caseNumber, int escalationLevel, String measures, boolean policeReferral,
            String furtherDeadline, String note, String decidedBy, Instant decidedAt) {
        this.caseNumber = caseNumber;
        this.escalationLevel = escalationLevel;
        this.measures = measures;
        this.policeReferral = policeReferral;
        this.furtherDeadline = furtherDeadline;
        this.note = note;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public EnforcementAction withFine(java.math.BigDecimal amount) {
        this.fineAmount = amount;
        return this;
    }

    public java.math.BigDecimal getFineAmount() {
        return fineAmount;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public int getEscalationLevel() {
        return escalationLevel;
    }

    public String getMeasures() {
        return measures;
    }

    public boolean isPoliceReferral() {
        return policeReferral;
    }

    public String getFurtherDeadline() {
        return furtherDeadline;
    }

    public String getNote() {
        return note;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    /** An objection changed the measures of this decision. */
    void changeMeasures(String newMeasures) {
        this.measures = newMeasures;
    }

    /** An objection revoked this decision. */
    void revoke() {
        this.revoked = true;
    }

    public boolean isRevoked() {
        return revoked;
    }
}
