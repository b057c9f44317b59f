package org.qinglang.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What the office did against a platform in a case: the interview (约谈) held, functions suspended, the record. */
@Entity
@Table(name = "platform_measure")
public class PlatformMeasureRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String caseNumber;
    private String platformCode;
    private String measures;
    private Instant interviewAt;
    private String place;
    private String record;
    @Column(name = "carried_out_by")
    private String carriedOutBy;
    private Instant recordedAt;

    protected PlatformMeasureRecord() {
    }

    public PlatformMeasureRecord(String caseNumber, String platformCode, String measures, Instant interviewAt,
            String place, String record, String carriedOutBy, Instant recordedAt) {
        this.caseNumber = caseNumber;
        this.platformCode = platformCode;
        this.measures = measures;
        this.interviewAt = interviewAt;
        this.place = place;
        this.record = record;
        this.carriedOutBy = carriedOutBy;
        this.recordedAt = recordedAt;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getMeasures() {
        return measures;
    }

    public Instant getInterviewAt() {
        return interviewAt;
    }

    public String getPlace() {
        return place;
    }

    public String getRecord() {
        return record;
    }

    public String getCarriedOutBy() {
        return carriedOutBy;
    }
}
