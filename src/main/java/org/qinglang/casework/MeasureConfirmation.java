package org.qinglang.casework;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The platform's report on one measure it was ordered to take: carried out and when, or not and why. */
@Entity
@Table(name = "measure_confirmation")
public class MeasureConfirmation {

    /** What a platform reports on one measure. */
    public record Report(String measure, boolean executed, Instant executedAt, String note) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String caseNumber;
    private String measure;
    private boolean executed;
    private Instant executedAt;
    private String note;
    private Instant reportedAt;

    protected MeasureConfirmation() {
    }

    MeasureConfirmation(String caseNumber, Report report, Instant reportedAt) {
        this.caseNumber = caseNumber;
        this.measure = report.measure();
        this.executed = report.executed();
        this.executedAt = report.executedAt();
        this.note = report.note();
        this.reportedAt = reportedAt;
    }

    public String getMeasure() {
        return measure;
    }

    public boolean isExecuted() {
        return executed;
    }

    public Instant getExecutedAt() {
        return executedAt;
    }

    public String getNote() {
        return note;
    }
}
