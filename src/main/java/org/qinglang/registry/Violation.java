package org.qinglang.registry;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One substantiated violation in the register of violating accounts and platforms. */
@Entity
@Table(name = "violation")
public class Violation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String caseNumber;
    private String platformCode;
    private String accountKey;
    private String accountName;
    private String category;
    private String severity;
    private Instant recordedAt;
    /** For a group: its admin's account key, so the admin's violations count in later cases. */
    private String adminKey;
    private String practitionerKey;
    private String practitioner;

    protected Violation() {
    }

    Violation(String caseNumber, String platformCode, String accountKey, String accountName, String category,
            String severity, Instant recordedAt) {
        this.caseNumber = caseNumber;
        this.platformCode = platformCode;
        this.accountKey = accountKey;
        this.accountName = accountName;
        this.category = category;
        this.severity = severity;
        this.recordedAt = recordedAt;
    }

    /** The group's admin and the practitioner behind the account, when known. */
    void alsoAbout(String adminKey, String practitionerKey, String practitioner) {
        this.adminKey = adminKey;
        this.practitionerKey = practitionerKey;
        this.practitioner = practitioner;
    }

    public String getPractitioner() {
        return practitioner;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getPlatformCode() {
        return platformCode;
    }

    public String getAccountName() {
        return accountName;
    }

    public String getCategory() {
        return category;
    }

    public String getSeverity() {
        return severity;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
