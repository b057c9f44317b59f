package org.qinglang.escalation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account holder's objection to an enforcement decision, and its outcome. */
@Entity
@Table(name = "objection")
public class Objection {

    public enum Outcome {
        UPHELD, CHANGED, REVOKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String caseNumber;
    private int escalationLevel;
    private String text;
    private Instant filedAt;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private String note;
    private String decidedBy;
    private Instant decidedAt;
    private String measuresBefore;

    protected Objection() {
    }

    public Objection(String caseNumber, int escalationLevel, String text, Instant filedAt) {
        this.caseNumber = caseNumber;
        this.escalationLevel = escalationLevel;
        this.text = text;
        this.filedAt = filedAt;
    }

    void decided(Outcome outcome, String note, String by, Instant at, String measuresBefore) {
        this.outcome = outcome;
        this.note = note;
        this.decidedBy = by;
        this.decidedAt = at;
        this.measuresBefore = measuresBefore;
    }

    public Long getId() {
        return id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public int getEscalationLevel() {
        return escalationLevel;
    }

    public String getText() {
        return text;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getNote() {
        return note;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getFiledAt() {
        return filedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getMeasuresBefore() {
        return measuresBefore;
    }
}
