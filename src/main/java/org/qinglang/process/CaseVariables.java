package org.qinglang.process;

/** Names of the process variables of complaint-handling, shared by delegates, forms and tests. */
public final class CaseVariables {

    public static final String PROCESS_KEY = "complaint-handling";

    public static final String CASE_NUMBER = "caseNumber";
    public static final String CATEGORY = "category";
    public static final String CATEGORY_LABEL = "categoryLabel";
    public static final String PLATFORM_CODE = "platformCode";
    public static final String PLATFORM_NAME = "platformName";
    public static final String PLATFORM_OPTIONS = "platformOptions";
    public static final String ACCOUNT_NAME = "accountName";
    public static final String CONTENT_URL = "contentUrl";
    public static final String DESCRIPTION = "description";
    public static final String EVIDENCE_SUMMARY = "evidenceSummary";
    /** Written by versions before the case file was linked from the forms; kept out of history still. */
    public static final String EVIDENCE_LINKS = "evidenceLinks";
    public static final String ACCOUNT_HISTORY = "accountHistory";

    public static final String SEVERITY = "severity";
    /** The severity as people read it (严重 High), for forms and Tasklist's lists. */
    public static final String SEVERITY_LABEL = "severityLabel";
    public static final String CRIMINAL_LEAD = "criminalLead";
    /** The offence a case worker names at verification (verify form), which makes the case a criminal lead. */
    public static final String CRIMINAL_OFFENCE = "criminalOffence";
    public static final String RESPONSIBLE_OFFICE = "responsibleOffice";
    public static final String RECTIFICATION_DEADLINE = "rectificationDeadline";
    public static final String REMINDER_BEFORE = "reminderBefore";
    public static final String VERIFICATION_SLA = "verificationSla";
    public static final String VERIFICATION_DUE_AT = "verificationDueAt";
    /**
     * Set, not stored (transient), when a verification corrected category or platform: the case is triaged
     * again (Gateway_Corrected), and who corrected it decides whether it changes hands (Task_RecordTriage).
     */
    public static final String TRIAGE_AGAIN = "triageAgain";
    public static final String CORRECTED_BY = "correctedBy";

    /** How the case came to be (CaseOrigin): shown in Tasklist, read by no decision. */
    public static final String CASE_ORIGIN = "caseOrigin";
    public static final String DUPLICATE = "duplicate";
    public static final String DUPLICATE_OF = "duplicateOf";

    public static final String VERIFICATION_OUTCOME = "verificationOutcome";
    public static final String VERIFICATION_NOTE = "verificationNote";
    public static final String COMPLAINANT_REPLY_TEXT = "complainantReplyText";

    public static final String PRIOR_ACCOUNT_VIOLATIONS = "priorAccountViolations";
    public static final String PRIOR_PLATFORM_VIOLATIONS = "priorPlatformViolations";
    /** The platform's own failures in a year (deadlines missed, measures refused): the measures table's input. */
    public static final String PLATFORM_FAILURES = "platformFailures";
    /** What was reported: ACCOUNT, CONTENT or GROUP (ReportedObject). */
    public static final String OBJECT_TYPE = "objectType";
    public static final String GROUP_ADMIN = "groupAdmin";
    /** A victim enterprise sent a rebuttal: the verify form offers to verify it for publication. */
    public static final String HAS_REBUTTAL = "hasRebuttal";
    public static final String REBUTTAL_TEXT = "rebuttalText";
    public static final String REBUTTAL_VERIFIED = "rebuttalVerified";
    public static final String PRACTITIONER = "practitioner";
    public static final String REQUIRED_MEASURES = "requiredMeasures";
    /** What the platform's latest notice orders it to do, which its report answers measure by measure. */
    public static final String ORDERED_MEASURES = "orderedMeasures";
    public static final String REQUIRED_MEASURES_TEXT = "requiredMeasuresText";
    /** Measures against the platform itself, which we carry out (Task_TakePlatformMeasures); "" for none. */
    public static final String PLATFORM_MEASURES = "platformMeasures";
    public static final String PLATFORM_MEASURES_TEXT = "platformMeasuresText";
    public static final String INTERVIEW_AT = "interviewAt";
    public static final String INTERVIEW_PLACE = "interviewPlace";
    public static final String PLATFORM_MEASURES_RECORD = "platformMeasuresRecord";

    /** Set only with a further deadline on enforcement; the first notice runs on {@link #RECTIFICATION_DEADLINE}. */
    public static final String NOTICE_DEADLINE = "noticeDeadline";
    public static final String RECTIFICATION_DUE_AT = "rectificationDueAt";
    public static final String RECTIFICATION_DUE_AT_TEXT = "rectificationDueAtText";
    public static final String REMINDER_DUE_AT = "reminderDueAt";
    public static final String PLATFORM_RESPONSE_TEXT = "platformResponseText";
    public static final String RECTIFICATION_ADEQUATE = "rectificationAdequate";
    public static final String REVIEW_NOTE = "reviewNote";

    /** Set once enforcement is applied, for Cockpit; the case file's own escalation level is what counts. */
    public static final String ESCALATION_LEVEL = "escalationLevel";
    public static final String ESCALATION_REASON = "escalationReason";
    public static final String ENFORCEMENT_MEASURES = "enforcementMeasures";
    public static final String ENFORCEMENT_MEASURES_TEXT = "enforcementMeasuresText";
    public static final String ENFORCEMENT_MEASURES_CODES = "enforcementMeasuresCodes";
    public static final String ENFORCEMENT_NOTE = "enforcementNote";
    public static final String FINE_AMOUNT = "fineAmount";
    /** The SHA-256 of the decision document (处置决定书) last issued. */
    public static final String DECISION_DOCUMENT_SHA256 = "decisionDocumentSha256";
    public static final String ENFORCEMENT_DECIDED_BY = "enforcementDecidedBy";
    public static final String REFER_TO_POLICE = "policeReferral";
    public static final String POLICE_REFERRAL_REQUESTED = "policeReferralRequested";
    public static final String FURTHER_DEADLINE = "furtherDeadline";
    public static final String FURTHER_NOTICE_REQUIRED = "furtherNoticeRequired";
    /** Whether the enforcement ladder allows a further deadline at the level being decided. */
    public static final String FURTHER_NOTICE_ALLOWED = "furtherNoticeAllowed";

    public static final String ANNOUNCE = "announce";
    public static final String ANNOUNCEMENT_SUMMARY = "announcementSummary";
    public static final String APPROVED = "approved";
    public static final String APPROVAL_NOTE = "approvalNote";

    public static final String MESSAGE_PLATFORM_RESPONDED = "PlatformResponded";
    public static final String MESSAGE_COMPLAINANT_REPLIED = "ComplainantReplied";
    /** Starts a case's process again after a review reopened it (StartEvent_CaseReopened). */
    public static final String MESSAGE_CASE_REOPENED = "CaseReopened";
    /** The police decided about a referral (Task_AwaitPoliceAnswer). */
    public static final String MESSAGE_POLICE_ANSWERED = "PoliceAnswered";
    public static final String POLICE_ANSWER = "policeAnswer";
    public static final String REOPEN_REASON = "reopenReason";

    private CaseVariables() {
    }

    /** Whether this triage follows a correction at verification (false at intake, where the variable is unset). */
    public static boolean isTriageAgain(org.camunda.bpm.engine.delegate.VariableScope scope) {
        return Boolean.TRUE.equals(scope.getVariable(TRIAGE_AGAIN));
    }
}
