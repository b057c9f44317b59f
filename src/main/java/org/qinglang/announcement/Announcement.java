package org.qinglang.announcement;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A typical case on the public exposure board (曝光台): the platform, the account, what it did and
 * what was done. It has no field for the complainant, so it cannot leak one.
 */
@Entity
@Table(name = "announcement")
public class Announcement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String caseNumber;
    private String category;
    private String platformCode;
    private String accountName;
    private String summary;
    private String measures;
    private String approvedBy;
    private Instant publishedAt;

    private String proposedSummary;
    private String summaryEditedBy;
    private Instant withdrawnAt;
    private String withdrawnReason;

    protected Announcement() {
    }

    public Announcement(String caseNumber, String category, String platformCode, String accountName, String summary,
            String measures, String approvedBy, Instant publishedAt) {
        this.caseNumber = caseNumber;
        this.category = category;
        this.platformCode = platformCode;
        this.accountName = accountName;
        this.summary = summary;
        this.measures = measures;
        this.approvedBy = approvedBy;
        this.publishedAt = publishedAt;
    }

    /** The summary as proposed, kept beside the published one when the approver edited it, and by whom. */
    Announcement proposedAs(String proposed, String editedBy) {
        this.proposedSummary = proposed;
        this.summaryEditedBy = editedBy;
        return this;
    }

    /** Off the board from now on, for this reason; the record stays. */
    void withdraw(String reason, Instant at) {
        if (withdrawnAt == null) {
            this.withdrawnAt = at;
            this.withdrawnReason = reason;
        }
    }

    void measuresChanged(String codes) {
        this.measures = codes;
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    public String getWithdrawnReason() {
        return withdrawnReason;
    }

    public String getProposedSummary() {
        return proposedSummary;
    }

    public String getSummaryEditedBy() {
        return summaryEditedBy;
    }

    public Long getId() {
        return id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getCategory() {
        return category;
    }

    public String getPlatformCode() {
        return platformCode;
    }

    public String getAccountName() {
        return accountName;
    }

    public String getSummary() {
        return summary;
    }

    public String getMeasures() {
        return measures;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
