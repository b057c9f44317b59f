package org.qinglang.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.qinglang.common.Labels;
import org.qinglang.casefile.Complaint;
import org.qinglang.registry.Platform;
import org.qinglang.security.AccessTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Every message a case sends, written from the message bundles in Chinese first and English
 * second. The case number stands in the subject as [QL-…] so that replies find their case.
 */
@Service
public class CaseMail {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC+8'")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final OutgoingMail outgoing;
    private final MailOutbox outbox;
    private final Labels labels;
    private final AccessTokens tokens;
    private final MailSettings settings;
    private final String publicBaseUrl;

    public CaseMail(OutgoingMail outgoing, MailOutbox outbox, Labels labels, AccessTokens tokens,
            MailSettings settings, @Value("${qinglang.public-base-url}") String publicBaseUrl) {
        this.outgoing = outgoing;
        this.outbox = outbox;
        this.labels = labels;
        this.tokens = tokens;
        this.settings = settings;
        this.publicBaseUrl = publicBaseUrl;
    }

    public static String formatTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    public String statusLink(String caseNumber) {
        return publicBaseUrl + "/complaints/" + caseNumber + "?token="
                + tokens.issue(AccessTokens.Purpose.COMPLAINANT_STATUS, caseNumber);
    }

    public String platformResponseLink(String caseNumber) {
        return publicBaseUrl + "/platform/respond/" + caseNumber + "?token="
                + tokens.issue(AccessTokens.Purpose.PLATFORM_RESPONSE, caseNumber);
    }

    /**
     * Queued with the case (MailOutbox): nothing in the case waits for it, and the complaint is
     * accepted whether or not the mail server answers at that moment.
     */
    public void acknowledge(Complaint c) {
        if (!c.hasComplainant()) {
            return;
        }
        outbox.queue(toComplainantMessage(c, "acknowledgement", "acknowledgement", c.getComplainantName(),
                c.getCaseNumber(), labels.category(c.getCategory()), statusLink(c.getCaseNumber())));
    }

    /**
     * The status link again, to the address the complaint came from, asked for on the home page; at
     * most once an hour per case (the outbox keeps one message per key).
     */
    public void statusLinkAgain(Complaint c) {
        if (!c.hasComplainant()) {
            return;
        }
        String hour = String.valueOf(org.qinglang.common.EngineClock.now().getEpochSecond() / 3600);
        outbox.queue(toComplainantMessage(c, "status-link", "status-link-" + hour, c.getComplainantName(),
                c.getCaseNumber(), statusLink(c.getCaseNumber())));
    }

    public void linkedToOpenCase(Complaint c, String openCaseNumber) {
        toComplainant(c, "linked", "linked", c.getComplainantName(), c.getCaseNumber(), openCaseNumber,
                statusLink(c.getCaseNumber()));
    }

    public void unfounded(Complaint c, String note) {
        toComplainant(c, "unfounded", "unfounded", c.getComplainantName(), c.getCaseNumber(), note,
                statusLink(c.getCaseNumber()));
    }

    public void requestInformation(Complaint c, String note, int requestNumber) {
        toComplainant(c, "needs-info", "needs-info-" + requestNumber, c.getComplainantName(), c.getCaseNumber(), note,
                statusLink(c.getCaseNumber()));
    }

    public void abandoned(Complaint c) {
        toComplainant(c, "abandoned", "abandoned", c.getComplainantName(), c.getCaseNumber(),
                statusLink(c.getCaseNumber()));
    }

    public void outcome(Complaint c, String outcomeLabel, String details) {
        String told = details;
        if (c.getReporterType() == org.qinglang.casefile.ReporterType.VICTIM_ENTERPRISE) {
            // A harmed enterprise may also go to the police: how, and its evidence packed for it.
            String link = publicBaseUrl + "/complaints/" + c.getCaseNumber() + "/evidence.zip?token="
                    + tokens.issue(AccessTokens.Purpose.COMPLAINANT_STATUS, c.getCaseNumber());
            told = details + "\n\n" + labels.get("mail.victim.guidance", Labels.CHINESE, link) + "\n"
                    + labels.get("mail.victim.guidance", Labels.ENGLISH, link);
        }
        toComplainant(c, "outcome", "outcome", c.getComplainantName(), c.getCaseNumber(), outcomeLabel, told,
                statusLink(c.getCaseNumber()));
    }

    public void reviewResult(Complaint c, String result) {
        toComplainant(c, "review-result", "review-result", c.getComplainantName(), c.getCaseNumber(), result,
                statusLink(c.getCaseNumber()));
    }

    public void platformNotice(Complaint c, Platform platform, int level, List<String> measures, Instant dueAt,
            String legalBasis, List<String> reportLines) {
        String kind = "platform-notice";
        String messageId = noticeMessageId(c.getCaseNumber(), level);
        Object[] args = {platform.getNameZh(), c.getCaseNumber(), c.getContentUrl(), nullToDash(c.getAccountName()),
            labels.category(c.getCategory()), legalBasis, String.join("\n", measures), formatTime(dueAt),
            platformResponseLink(c.getCaseNumber()), level + 1, String.join("\n", reportLines)};
        send(kind, kind + "-" + c.getCaseNumber() + "-" + level, c.getCaseNumber(), platform.getContactEmail(),
                messageId, null, args);
    }

    /** The decision document (处置决定书) to the platform, the PDF attached, as a reply to the case's notice. */
    public void decisionDocument(Complaint c, Platform platform, int level, String documentNumber, byte[] pdf,
            String sha256) {
        String kind = "decision";
        OutgoingMessage message = message(kind, kind + "-" + c.getCaseNumber() + "-" + level, c.getCaseNumber(),
                platform.getContactEmail(), outgoing.messageId(kind + "-" + level, c.getCaseNumber()),
                noticeMessageId(c.getCaseNumber(), 0), platform.getNameZh(), c.getCaseNumber(), documentNumber,
                sha256, platformResponseLink(c.getCaseNumber()));
        outgoing.send(new OutgoingMessage(message.dedupKey(), message.caseNumber(), message.kind(), message.to(),
                message.subject(), message.body(), message.messageId(), message.inReplyTo(),
                List.of(new OutgoingMessage.Attachment(documentNumber + ".pdf", "application/pdf", pdf))));
    }

    public void rectificationReminder(Complaint c, Platform platform, int level) {
        String kind = "reminder";
        send(kind, kind + "-" + c.getCaseNumber() + "-" + level, c.getCaseNumber(), platform.getContactEmail(),
                outgoing.messageId(kind + "-" + level, c.getCaseNumber()), noticeMessageId(c.getCaseNumber(), level),
                platform.getNameZh(), c.getCaseNumber(), formatTime(c.getRectificationDueAt()),
                platformResponseLink(c.getCaseNumber()));
    }

    public void policeReferral(Complaint c, Platform platform, String evidenceSummary) {
        String kind = "police-referral";
        send(kind, kind + "-" + c.getCaseNumber(), c.getCaseNumber(), settings.policeLiaison(),
                outgoing.messageId(kind, c.getCaseNumber()), null,
                c.getCaseNumber(), labels.category(c.getCategory()), platform.displayName(),
                nullToDash(c.getAccountName()), c.getContentUrl(), c.getDescription(), evidenceSummary,
                c.getComplainantName(), c.getComplainantEmail(), nullToDash(c.getComplainantPhone()),
                referralPackageLink(c.getCaseNumber()),
                c.getCriminalOffence() == null ? "-" : labels.bilingual("offence." + c.getCriminalOffence()),
                policeAnswerLink(c.getCaseNumber()));
    }

    /** The outcome of an account holder's objection, to the platform (which carries out measures and tells the holder). */
    public void objectionOutcome(Complaint c, Platform platform, long objectionId, String outcome, String reasons,
            String measures) {
        String kind = "objection-outcome";
        send(kind, kind + "-" + c.getCaseNumber() + "-" + objectionId, c.getCaseNumber(), platform.getContactEmail(),
                outgoing.messageId(kind + "-" + objectionId, c.getCaseNumber()), null,
                platform.getNameZh(), c.getCaseNumber(), nullToDash(c.getAccountName()), outcome, reasons, measures);
    }

    /** The account holder's signed link to object to the decision (in the statement of reasons). */
    public String objectionLink(String caseNumber) {
        return publicBaseUrl + "/objections/" + caseNumber + "?token="
                + tokens.issue(AccessTokens.Purpose.ACCOUNT_OBJECTION, caseNumber);
    }

    /** The overdue answer the case waits for: the liaison is reminded once, with the links again. */
    public void policeReminder(Complaint c) {
        String kind = "police-reminder";
        send(kind, kind + "-" + c.getCaseNumber(), c.getCaseNumber(), settings.policeLiaison(),
                outgoing.messageId(kind, c.getCaseNumber()), outgoing.messageId("police-referral", c.getCaseNumber()),
                c.getCaseNumber(), policeAnswerLink(c.getCaseNumber()), referralPackageLink(c.getCaseNumber()));
    }

    /** The police liaison's signed link to answer about a referral (received, case opened or not, result). */
    public String policeAnswerLink(String caseNumber) {
        return publicBaseUrl + "/police/answer/" + caseNumber + "?token="
                + tokens.issue(AccessTokens.Purpose.POLICE_REFERRAL, caseNumber);
    }

    /** The police liaison's signed link to the case's referral package (evidence with its manifest). */
    public String referralPackageLink(String caseNumber) {
        return publicBaseUrl + "/police/referrals/" + caseNumber + ".zip?token="
                + tokens.issue(AccessTokens.Purpose.POLICE_REFERRAL, caseNumber);
    }

    public void verificationOverdue(Complaint c, String supervisorEmail) {
        String kind = "verification-overdue";
        send(kind, kind + "-" + c.getCaseNumber() + "-" + supervisorEmail, c.getCaseNumber(), supervisorEmail,
                outgoing.messageId(kind, c.getCaseNumber()), null, c.getCaseNumber(), c.getPlatformCode(),
                formatTime(c.getCreatedAt()));
    }

    public String noticeMessageId(String caseNumber, int level) {
        return outgoing.messageId(level == 0 ? "notice" : "notice-" + level, caseNumber);
    }

    private void toComplainant(Complaint c, String kind, String step, Object... args) {
        if (c.hasComplainant()) {
            outgoing.send(toComplainantMessage(c, kind, step, args));
        }
    }

    private OutgoingMessage toComplainantMessage(Complaint c, String kind, String step, Object... args) {
        return message(kind, step + "-" + c.getCaseNumber(), c.getCaseNumber(), c.getComplainantEmail(),
                outgoing.messageId(step, c.getCaseNumber()), null, args);
    }

    private void send(String kind, String dedupKey, String caseNumber, String to, String messageId, String inReplyTo,
            Object... args) {
        outgoing.send(message(kind, dedupKey, caseNumber, to, messageId, inReplyTo, args));
    }

    private OutgoingMessage message(String kind, String dedupKey, String caseNumber, String to, String messageId,
            String inReplyTo, Object... args) {
        String subject = "[" + caseNumber + "] " + labels.get("mail." + kind + ".subject", Labels.CHINESE, args)
                + " / " + labels.get("mail." + kind + ".subject", Labels.ENGLISH, args);
        String body = labels.get("mail." + kind + ".body", Labels.CHINESE, args)
                + "\n\n----------------------------------------\n\n"
                + labels.get("mail." + kind + ".body", Labels.ENGLISH, args)
                + "\n\n-- \n" + labels.get("mail.signature", Locale.ROOT);
        return new OutgoingMessage(dedupKey, caseNumber, kind, to, subject, body, messageId, inReplyTo);
    }

    private static String nullToDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
