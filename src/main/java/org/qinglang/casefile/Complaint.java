package org.qinglang.casefile;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.qinglang.common.EngineClock;

/** A complaint and the case it opened; the case number is also the process business key. */
@Entity
@Table(name = "complaint")
public class Complaint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false, unique = true, updatable = false)
    private String caseNumber;

    @Enumerated(EnumType.STRING)
    private ComplaintSource source;

    @Enumerated(EnumType.STRING)
    private ComplaintCategory category;

    @Enumerated(EnumType.STRING)
    private ReporterType reporterType;

    private String platformCode;
    private String contentUrl;
    private String normalizedUrl;
    private String accountName;
    private String description;
    private String complainantName;
    private String complainantEmail;
    private String complainantPhone;
    private String externalMessageId;
    private String textSha256;

    @Enumerated(EnumType.STRING)
    private CaseStage stage;

    @Enumerated(EnumType.STRING)
    private CaseOutcome outcome;

    private String outcomeNote;
    private String severity;
    private boolean criminalLead;
    private String responsibleOffice;
    private Instant rectificationDueAt;
    private int escalationLevel;
    private String linkedCaseNumber;
    @Enumerated(EnumType.STRING)
    private CaseOrigin origin = CaseOrigin.COMPLAINT;
    /** Where a media investigation's lead came from: confidential, for the responsible office only. */
    private String sourceNote;
    private String openedBy;
    private Instant personalDataErasedAt;
    @Enumerated(EnumType.STRING)
    private ReportedObject objectType = ReportedObject.ACCOUNT;
    /** For a group: its admin's account (群主), whose earlier violations count too. */
    private String groupAdmin;
    /** The person or agency running the account (从业人员), when verification found one. */
    private String practitioner;
    /** A victim enterprise's rebuttal (辟谣声明), and who verified it for publication. */
    private String rebuttal;
    private String rebuttalVerifiedBy;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant closedAt;
    private Instant notifiedAt;
    private Instant respondedAt;
    private boolean deadlineMissed;
    private Instant reviewRequestedAt;
    private String reviewOutcome;
    /** Who decided enforcement: the four-eyes rule for announcements trusts this, never a task variable. */
    private String enforcementDecidedBy;
    /** Whose decision the outcome rests on: the outcome's review is for anyone else (four eyes). */
    private String outcomeDecidedBy;
    private Instant reopenedAt;
    private String proposedSummary;
    /** The offence a case worker named at verification, making the case a criminal lead. */
    private String criminalOffence;
    private String reopenReason;
    /** The deadlines triage gave, as ISO-8601 durations (null for cases triaged before they were kept). */
    private String rectificationDeadline;
    private String reminderBefore;
    /** A correction that moved the case to another office: by whom, and from where (see StaffOffices). */
    private String officeChangedBy;
    private String officeBefore;
    private boolean handoverPending;

    @Version
    private long version;

    @OneToMany(mappedBy = "complaint", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Evidence> evidence = new ArrayList<>();

    protected Complaint() {
    }

    public Complaint(String caseNumber, ComplaintSource source, ComplaintCategory category, ReporterType reporterType,
            String platformCode, String contentUrl, String normalizedUrl, String accountName, String description,
            String complainantName, String complainantEmail, String complainantPhone) {
        this.caseNumber = caseNumber;
        this.source = source;
        this.category = category;
        this.reporterType = reporterType;
        this.platformCode = platformCode;
        this.contentUrl = contentUrl;
        this.normalizedUrl = normalizedUrl;
        this.accountName = accountName;
        this.description = description;
        this.complainantName = complainantName;
        this.complainantEmail = complainantEmail;
        this.complainantPhone = complainantPhone;
        this.stage = CaseStage.RECEIVED;
        this.createdAt = EngineClock.now();
        this.updatedAt = createdAt;
    }

    /** A case without a complainant: a lead from staff or a platform's own inspection. */
    public static Complaint lead(String caseNumber, ComplaintSource source, CaseOrigin origin, ComplaintCategory category,
            String platformCode, String contentUrl, String normalizedUrl, String accountName, String description,
            String sourceNote, String openedBy) {
        Complaint lead = new Complaint(caseNumber, source, category, ReporterType.CITIZEN, platformCode, contentUrl,
                normalizedUrl, accountName, description, null, null, null);
        lead.origin = origin;
        lead.sourceNote = sourceNote;
        lead.openedBy = openedBy;
        return lead;
    }

    /** Whether someone complained and is to be acknowledged, asked and informed. */
    public boolean hasComplainant() {
        return origin.hasComplainant() && complainantEmail != null;
    }

    public CaseOrigin getOrigin() {
        return origin;
    }

    public String getSourceNote() {
        return sourceNote;
    }

    /** What was reported and, for a group, its admin; set at intake and corrected at verification. */
    public void reportedObject(ReportedObject type, String admin) {
        this.objectType = type == null ? ReportedObject.ACCOUNT : type;
        this.groupAdmin = this.objectType == ReportedObject.GROUP && admin != null && !admin.isBlank() ? admin.strip() : null;
        touch();
    }

    /** Who runs the account, as verification found (for the register of practitioners). */
    public void practitioner(String name) {
        this.practitioner = name == null || name.isBlank() ? null : name.strip();
        touch();
    }

    /** A victim enterprise's own statement against the false report, as it sent it. */
    public void rebuttal(String text) {
        this.rebuttal = reporterType == ReporterType.VICTIM_ENTERPRISE && text != null && !text.isBlank()
                ? text.strip() : null;
        touch();
    }

    /** A case worker checked the rebuttal: it is published with the typical case. */
    public void rebuttalVerifiedBy(String userId) {
        if (rebuttal != null) {
            this.rebuttalVerifiedBy = userId;
            touch();
        }
    }

    public String getRebuttal() {
        return rebuttal;
    }

    /** The rebuttal to publish beside the false report's entry, once verified; otherwise none. */
    public String getPublishedRebuttal() {
        return rebuttalVerifiedBy == null ? null : rebuttal;
    }

    public ReportedObject getObjectType() {
        return objectType;
    }

    public String getGroupAdmin() {
        return groupAdmin;
    }

    public String getPractitioner() {
        return practitioner;
    }

    public Instant getPersonalDataErasedAt() {
        return personalDataErasedAt;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Evidence addEvidence(EvidenceKind kind, String fileName, String contentType, byte[] content, String sourceUrl) {
        Evidence item = new Evidence(this, kind, fileName, contentType, content, sourceUrl);
        evidence.add(item);
        touch();
        return item;
    }

    public void moveTo(CaseStage newStage) {
        this.stage = newStage;
        touch();
    }

    public void close(CaseOutcome caseOutcome, String note) {
        this.outcome = caseOutcome;
        this.outcomeNote = note;
        this.stage = CaseStage.CLOSED;
        this.closedAt = EngineClock.now();
        touch();
    }

    /** Records the result of an outcome that is known before the case closes (announcement may follow). */
    public void recordOutcome(CaseOutcome caseOutcome, String note) {
        this.outcome = caseOutcome;
        this.outcomeNote = note;
        touch();
    }

    /** What triage gave: severity, criminal lead, office, and the deadlines (ISO-8601 durations). */
    public void triaged(String severity, boolean criminalLead, String responsibleOffice, String rectificationDeadline,
            String reminderBefore) {
        this.severity = severity;
        this.criminalLead = criminalLead;
        this.responsibleOffice = responsibleOffice;
        this.rectificationDeadline = rectificationDeadline;
        this.reminderBefore = reminderBefore;
        touch();
    }

    public void linkTo(String openCaseNumber) {
        this.linkedCaseNumber = openCaseNumber;
        close(CaseOutcome.LINKED_TO_EXISTING_CASE, openCaseNumber);
    }

    public void rectificationDue(Instant dueAt, int level) {
        this.rectificationDueAt = dueAt;
        this.escalationLevel = level;
        if (notifiedAt == null) {
            notifiedAt = EngineClock.now();
        }
        moveTo(CaseStage.PLATFORM_NOTIFIED);
    }

    public void platformResponded() {
        if (respondedAt == null) {
            respondedAt = EngineClock.now();
        }
        moveTo(CaseStage.UNDER_REVIEW);
    }

    public void deadlineMissed() {
        this.deadlineMissed = true;
        moveTo(CaseStage.ESCALATED);
    }

    /** A complainant may ask once for a review, within six months of the outcome. */
    public boolean reviewCanBeRequested(Instant now) {
        return stage == CaseStage.CLOSED && outcome != null && outcome != CaseOutcome.LINKED_TO_EXISTING_CASE
                && reviewRequestedAt == null && closedAt != null
                && now.isBefore(closedAt.atZone(java.time.ZoneOffset.UTC).plusMonths(6).toInstant());
    }

    public void reviewRequested() {
        this.reviewRequestedAt = EngineClock.now();
        touch();
    }

    public void reviewed(String result) {
        this.reviewOutcome = result;
        touch();
    }

    /** The case worker's corrections at verification, e.g. of what was read out of an e-mail. */
    public void correct(ComplaintCategory newCategory, String newPlatformCode, String newContentUrl,
            String newNormalizedUrl, String newAccountName) {
        this.category = newCategory;
        this.platformCode = newPlatformCode;
        this.contentUrl = newContentUrl;
        this.normalizedUrl = newNormalizedUrl;
        this.accountName = newAccountName;
        touch();
    }

    public void enforcementApplied(int level) {
        this.escalationLevel = level;
        moveTo(CaseStage.ESCALATED);
    }

    public void preserveText(String sha256) {
        this.textSha256 = sha256;
    }

    public void receivedAs(String messageId) {
        this.externalMessageId = messageId;
    }

    private void touch() {
        this.updatedAt = EngineClock.now();
    }

    public boolean isOpen() {
        return stage != CaseStage.CLOSED;
    }

    public Long getId() {
        return id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public ComplaintSource getSource() {
        return source;
    }

    public ComplaintCategory getCategory() {
        return category;
    }

    public ReporterType getReporterType() {
        return reporterType;
    }

    public String getPlatformCode() {
        return platformCode;
    }

    public String getContentUrl() {
        return contentUrl;
    }

    public String getNormalizedUrl() {
        return normalizedUrl;
    }

    public String getAccountName() {
        return accountName;
    }

    public String getDescription() {
        return description;
    }

    public String getComplainantName() {
        return complainantName;
    }

    public String getComplainantEmail() {
        return complainantEmail;
    }

    public String getComplainantPhone() {
        return complainantPhone;
    }

    public String getExternalMessageId() {
        return externalMessageId;
    }

    public String getTextSha256() {
        return textSha256;
    }

    public CaseStage getStage() {
        return stage;
    }

    public CaseOutcome getOutcome() {
        return outcome;
    }

    public String getOutcomeNote() {
        return outcomeNote;
    }

    public String getSeverity() {
        return severity;
    }

    public boolean isCriminalLead() {
        return criminalLead;
    }

    public String getResponsibleOffice() {
        return responsibleOffice;
    }

    public Instant getRectificationDueAt() {
        return rectificationDueAt;
    }

    public int getEscalationLevel() {
        return escalationLevel;
    }

    public String getLinkedCaseNumber() {
        return linkedCaseNumber;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Instant getNotifiedAt() {
        return notifiedAt;
    }

    public Instant getRespondedAt() {
        return respondedAt;
    }

    public boolean isDeadlineMissed() {
        return deadlineMissed;
    }

    public Instant getReviewRequestedAt() {
        return reviewRequestedAt;
    }

    /** A correction by this user moved the case from that office to the one triage now gives. */
    public void rerouted(String by, String previousOffice) {
        this.officeChangedBy = by;
        this.officeBefore = previousOffice;
        this.handoverPending = true;
        touch();
    }

    /** Whether the case was moved to another office at its last verification and waits to be verified there. */
    public boolean isHandoverPending() {
        return handoverPending;
    }

    /** A verification without a move: nothing is handed over (any earlier move stays recorded). */
    public void verifiedInPlace() {
        this.handoverPending = false;
    }

    public String getRectificationDeadline() {
        return rectificationDeadline;
    }

    public String getReminderBefore() {
        return reminderBefore;
    }

    public String getOfficeChangedBy() {
        return officeChangedBy;
    }

    public String getOfficeBefore() {
        return officeBefore;
    }

    public String getEnforcementDecidedBy() {
        return enforcementDecidedBy;
    }

    public void enforcementDecidedBy(String supervisor) {
        this.enforcementDecidedBy = supervisor;
        this.outcomeDecidedBy = supervisor;
        this.updatedAt = EngineClock.now();
    }

    /** The verifier or the reviewer of the rectification, whose decision the outcome will rest on. */
    public void decidedBy(String user) {
        this.outcomeDecidedBy = user;
    }

    public String getOutcomeDecidedBy() {
        return outcomeDecidedBy;
    }

    /**
     * A review found the outcome wrong: the case is handled again from verification, with the
     * reviewer's reason. The review stays done (a case is reviewed once).
     */
    public void reopen(String reason) {
        this.outcome = null;
        this.outcomeNote = null;
        this.closedAt = null;
        this.reopenedAt = EngineClock.now();
        this.reopenReason = reason;
        moveTo(CaseStage.RECEIVED);
    }

    /** A case worker's flag at verification: a criminal lead, for this offence, whatever triage found. */
    public void flagOffence(CriminalOffence offence) {
        this.criminalOffence = offence.name();
        this.criminalLead = true;
    }

    public String getCriminalOffence() {
        return criminalOffence;
    }

    /** A typical case proposed for the exposure board, with its public summary (the approver may edit it). */
    public void proposeAnnouncement(String summary) {
        this.proposedSummary = summary;
    }

    public String getProposedSummary() {
        return proposedSummary;
    }

    /**
     * What is wrong with a public summary of this case, or null: it must say something, and never name
     * the complainant (the one rule for proposing, deciding and approving an announcement).
     */
    public org.qinglang.common.CaseRuleViolation.Reason publicSummaryProblem(String summary) {
        if (summary == null || summary.isBlank()) {
            return new org.qinglang.common.CaseRuleViolation.Reason("rule.summary-needed");
        }
        return namesComplainantIn(summary) ? new org.qinglang.common.CaseRuleViolation.Reason("rule.summary-names-complainant")
                : null;
    }

    /** Whether a text names this case's complainant (name, e-mail or phone): never in anything public. */
    private boolean namesComplainantIn(String text) {
        String lower = text == null ? "" : text.toLowerCase(java.util.Locale.ROOT);
        return java.util.stream.Stream.of(complainantName, complainantEmail, complainantPhone)
                .filter(value -> value != null && value.strip().length() >= 2)
                .anyMatch(value -> lower.contains(value.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    public Instant getReopenedAt() {
        return reopenedAt;
    }

    public String getReopenReason() {
        return reopenReason;
    }

    public String getReviewOutcome() {
        return reviewOutcome;
    }

    public List<Evidence> getEvidence() {
        return evidence;
    }
}
