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

    /** What a platform reports on one measure, with the files it gives as evidence of it. */
    public record Report(String measure, boolean executed, Instant executedAt, String note,
            java.util.List<org.qinglang.intake.NewComplaint.Attachment> proofs) {

        public Report(String measure, boolean executed, Instant executedAt, String note) {
            this(measure, executed, executedAt, note, java.util.List.of());
        }

        /** This report with the files that prove it. */
        public Report withProofs(java.util.List<org.qinglang.intake.NewComplaint.Attachment> files) {
            return new Report(measure, executed, executedAt, note, java.util.List.copyOf(files));
        }

        /**
         * The one reading of a report, from the response page and the API alike: carried out needs its
         * time (ISO-8601, with an offset or in Beijing time) and not in the future; not carried out
         * needs its reason.
         */
        public static Report read(String measure, boolean executed, String executedAt, String note) {
            String reason = note == null || note.isBlank() ? null : note.strip();
            if (!executed) {
                if (reason == null) {
                    throw new Refused("platform.measure.why", "say why the measure was not carried out");
                }
                return new Report(measure, false, null, reason);
            }
            Instant at;
            try {
                String text = String.valueOf(executedAt).strip();
                at = text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")
                        ? java.time.OffsetDateTime.parse(text).toInstant()
                        : java.time.LocalDateTime.parse(text).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new Refused("platform.measure.when", "an ISO-8601 date and time is required");
            }
            // A few minutes of clock difference between the platform and us are no future.
            if (at.isAfter(org.qinglang.common.EngineClock.now().plusSeconds(300))) {
                throw new Refused("platform.measure.future", "is in the future");
            }
            return new Report(measure, true, at, reason);
        }
    }

    /** A report that cannot be taken: a message key for pages, a reason for the API. */
    public static final class Refused extends RuntimeException {

        private final String key;

        Refused(String key, String reason) {
            super(reason);
            this.key = key;
        }

        public String key() {
            return key;
        }
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
    private String evidenceFiles;

    protected MeasureConfirmation() {
    }

    MeasureConfirmation(String caseNumber, Report report, Instant reportedAt, java.util.List<String> evidenceFiles) {
        this.caseNumber = caseNumber;
        this.measure = report.measure();
        this.executed = report.executed();
        this.executedAt = report.executedAt();
        this.note = report.note();
        this.reportedAt = reportedAt;
        this.evidenceFiles = evidenceFiles.isEmpty() ? null : String.join("\n", evidenceFiles);
    }

    /** The names, in the case's evidence, of the files given for this measure. */
    public java.util.List<String> getEvidenceFiles() {
        return evidenceFiles == null ? java.util.List.of() : java.util.List.of(evidenceFiles.split("\n"));
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

    public Instant getReportedAt() {
        return reportedAt;
    }
}
