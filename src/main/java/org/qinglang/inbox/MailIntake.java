package org.qinglang.inbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qinglang.casefile.CaseStage;
import org.qinglang.casefile.Complaint;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.casefile.ComplaintSource;
import org.qinglang.casefile.EvidenceTypes;
import org.qinglang.casefile.ReporterType;
import org.qinglang.casework.CaseReplies;
import org.qinglang.casework.MeasureLines;
import org.qinglang.common.EngineClock;
import org.qinglang.common.FileNames;
import org.qinglang.common.Labels;
import org.qinglang.common.Sha256;
import org.qinglang.intake.AcceptedComplaint;
import org.qinglang.intake.IntakeService;
import org.qinglang.intake.InvalidComplaintException;
import org.qinglang.intake.NewComplaint.Attachment;
import org.qinglang.intake.NewComplaint;
import org.qinglang.mail.MailIntakeSettings;
import org.qinglang.mail.MailSettings;
import org.qinglang.mail.OutgoingMail;
import org.qinglang.mail.OutgoingMessage;
import org.qinglang.mail.SentMailRepository;
import org.qinglang.process.CaseNotAwaitingException;
import org.qinglang.registry.Platform;
import org.qinglang.registry.PlatformRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What one incoming message becomes: a new complaint (through the same intake as the API), a reply
 * that a waiting case receives, or nothing, with a polite answer where there is someone to answer.
 * Everything this decides is committed before it returns, so the caller may then mark the message
 * done.
 */
@Service
public class MailIntake {

    public enum Outcome {
        CASE_CREATED("Processed"),
        ALREADY_RECEIVED("Processed"),
        REPLY_CORRELATED("Processed"),
        IGNORED("Ignored"),
        UNMATCHED_REPLY("Unmatched"),
        QUARANTINED("Quarantine");

        private final String folder;

        Outcome(String folder) {
            this.folder = folder;
        }

        /** The mailbox folder a handled message is moved to. */
        public String folder() {
            return folder;
        }
    }

    public record Result(Outcome outcome, String caseNumber, String detail) {
    }

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);
    private static final Pattern CASE_IN_SUBJECT = Pattern.compile("\\[(QL-\\d{4}-\\d{6})]");

    private final IntakeService intake;
    private final CaseReplies replies;
    private final ComplaintRepository complaints;
    private final PlatformRepository platforms;
    private final OutgoingMail outgoing;
    private final SentMailRepository sentMails;
    private final QuarantineRegister quarantined;
    private final MailSettings mailSettings;
    private final MailIntakeSettings intakeSettings;
    private final Labels labels;

    public MailIntake(IntakeService intake, CaseReplies replies, ComplaintRepository complaints,
            PlatformRepository platforms, OutgoingMail outgoing, SentMailRepository sentMails,
            QuarantineRegister quarantined, MailSettings mailSettings, MailIntakeSettings intakeSettings,
            Labels labels) {
        this.sentMails = sentMails;
        this.quarantined = quarantined;
        this.intake = intake;
        this.replies = replies;
        this.complaints = complaints;
        this.platforms = platforms;
        this.outgoing = outgoing;
        this.mailSettings = mailSettings;
        this.intakeSettings = intakeSettings;
        this.labels = labels;
    }

    public Result handle(MimeMessage message) {
        ParsedMail mail;
        try {
            if (message.getSize() > intakeSettings.maxMessageBytes()) {
                throw new UnreadableMailException(UnreadableMailException.Reason.TOO_LARGE,
                        message.getSize() + " bytes");
            }
            mail = MailParser.parse(message);
        } catch (UnreadableMailException e) {
            return quarantine(senderOf(message), messageIdOf(message), e.reason(), e.getMessage());
        } catch (MessagingException e) {
            return quarantine(senderOf(message), messageIdOf(message), UnreadableMailException.Reason.BROKEN_MIME,
                    e.getMessage());
        }
        if (mail.fromAddress() == null) {
            return quarantine(null, mail.messageId(), UnreadableMailException.Reason.NO_SENDER, "no sender");
        }
        if (mail.automatic() || isOwn(mail.fromAddress())) {
            return new Result(Outcome.IGNORED, null, "automatic or own message");
        }
        Optional<String> answeredCase = answeredCase(mail);
        if (answeredCase.isPresent()) {
            return reply(mail, answeredCase.get());
        }
        Matcher caseInSubject = CASE_IN_SUBJECT.matcher(mail.subject());
        if (caseInSubject.find()) {
            // Case numbers are sequential and public: naming one proves nothing. Without the reference
            // of a message we sent, the sender is told how to answer instead.
            answer(mail.fromAddress(), mail.messageId(), "unsigned-reply", caseInSubject.group(1));
            return new Result(Outcome.UNMATCHED_REPLY, caseInSubject.group(1), "reply without our message's reference");
        }
        return newComplaint(mail);
    }

    private Result newComplaint(ParsedMail mail) {
        if (mail.text().isBlank() && mail.attachments().isEmpty()) {
            return quarantine(mail.fromAddress(), mail.messageId(), UnreadableMailException.Reason.EMPTY, "empty");
        }
        String searchable = mail.subject() + "\n" + mail.text();
        List<String> urls = ComplaintExtraction.urls(searchable);
        if (urls.isEmpty()) {
            return quarantine(mail.fromAddress(), mail.messageId(), UnreadableMailException.Reason.NO_LINK,
                    "no link");
        }
        String url = urls.get(0);
        List<Platform> registered = platforms.findAll();
        String platform = ComplaintExtraction.platformOf(url, registered).map(Platform::getCode)
                .orElse(ComplaintExtraction.UNREGISTERED_PLATFORM);
        // A text too long for the description is kept whole as a piece of evidence of its own (first, so it
        // counts against the limit of attachments like any other).
        String whole = (mail.subject().strip() + "\n\n" + mail.text()).strip();
        List<Attachment> attached = new ArrayList<>(mail.attachments());
        if (whole.length() > MAX_DESCRIPTION - 2 * MAX_LIST - 200) {
            attached.add(0, new Attachment("message-text.txt", "text/plain",
                    whole.getBytes(java.nio.charset.StandardCharsets.UTF_8), null));
        }
        List<String> notAccepted = new ArrayList<>();
        List<Attachment> evidence = acceptedAttachments(attached, notAccepted);
        StringBuilder lists = new StringBuilder();
        if (urls.size() > 1) {
            lists.append("\n\n").append("其他链接 Other links:\n").append(truncate(String.join("\n", urls.subList(1,
                    urls.size())), MAX_LIST));
        }
        if (!notAccepted.isEmpty()) {
            lists.append("\n\n").append("未接收的附件 Attachments not accepted: ")
                    .append(truncate(String.join(", ", notAccepted), MAX_LIST));
        }
        // The lists come last and are never cut off: a long text is shortened before them.
        String text = truncate(whole, MAX_DESCRIPTION - lists.length());
        String name = mail.fromName() == null || mail.fromName().isBlank()
                ? mail.fromAddress().substring(0, mail.fromAddress().indexOf('@')) : mail.fromName();
        try {
            AcceptedComplaint accepted = intake.submit(new NewComplaint(ComplaintSource.EMAIL,
                    ComplaintExtraction.category(searchable), ComplaintExtraction.reporterType(searchable), platform, url,
                    ComplaintExtraction.account(searchable, url), text + lists,
                    truncate(name, 100), mail.fromAddress(), null, evidence, truncate(mail.messageId(), 998)));
            return new Result(accepted.alreadyReceived() ? Outcome.ALREADY_RECEIVED : Outcome.CASE_CREATED,
                    accepted.caseNumber(), null);
        } catch (InvalidComplaintException e) {
            return quarantine(mail.fromAddress(), mail.messageId(), UnreadableMailException.Reason.BROKEN_MIME,
                    e.getField() + ": " + e.getMessage());
        }
    }

    private Result reply(ParsedMail mail, String caseNumber) {
        Optional<Complaint> found = complaints.findByCaseNumber(caseNumber);
        String text = (mail.subject() + "\n\n" + mail.text()).strip();
        List<Attachment> evidence = acceptedAttachments(mail.attachments(), new ArrayList<>());
        try {
            if (found.isPresent()) {
                Complaint complaint = found.get();
                if (complaint.getStage() == CaseStage.AWAITING_INFORMATION
                        && mail.fromAddress().equalsIgnoreCase(complaint.getComplainantEmail())) {
                    replies.complainantReplied(caseNumber, text, evidence);
                    return new Result(Outcome.REPLY_CORRELATED, caseNumber, "ComplainantReplied");
                }
                if (complaint.getStage() == CaseStage.PLATFORM_NOTIFIED && isFromPlatform(mail.fromAddress(),
                        complaint.getPlatformCode())) {
                    MeasureLines.Read measures = MeasureLines.read(mail.text(), replies.orderedMeasures(caseNumber));
                    if (!measures.problems().isEmpty()) {
                        // Nothing is recorded from a report that is partly unreadable: the platform sends it again.
                        answer(mail.fromAddress(), mail.messageId(), "measure-lines", caseNumber,
                                String.join("\n", measures.problems()));
                        return new Result(Outcome.UNMATCHED_REPLY, caseNumber, "measure lines not readable");
                    }
                    replies.platformResponded(caseNumber, text, evidence, measures.reports());
                    return new Result(Outcome.REPLY_CORRELATED, caseNumber, "PlatformResponded");
                }
            }
        } catch (CaseNotAwaitingException e) {
            log.info("Reply to {} arrived while the case no longer waits: {}", caseNumber, e.getMessage());
        }
        answer(mail.fromAddress(), mail.messageId(), "unmatched", caseNumber);
        return new Result(Outcome.UNMATCHED_REPLY, caseNumber, "no open case waits for this reply");
    }

    private boolean isFromPlatform(String sender, String platformCode) {
        String senderDomain = sender.substring(sender.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return platforms.findById(platformCode).map(platform -> {
            String contact = platform.getContactEmail().toLowerCase(Locale.ROOT);
            String contactDomain = contact.substring(contact.indexOf('@') + 1);
            return sender.equalsIgnoreCase(contact) || senderDomain.equals(contactDomain)
                    || platform.domainList().stream().anyMatch(d -> senderDomain.equals(d)
                    || senderDomain.endsWith("." + d));
        }).orElse(false);
    }

    /** The case whose message this one answers, proven by the signed Message-ID it quotes. */
    private Optional<String> answeredCase(ParsedMail mail) {
        return mail.referencedMessageIds().stream().map(outgoing::caseAnswered).flatMap(Optional::stream).findFirst();
    }

    /** Our own notices must never turn into cases or answers (mail loops); bounces are robots' mail. */
    private boolean isOwn(String address) {
        return address.equalsIgnoreCase(mailSettings.from()) || address.equalsIgnoreCase(intakeSettings.address());
    }

    /** Attachments that are what evidence may be, by their content; the others are named in the text. */
    private static List<Attachment> acceptedAttachments(List<Attachment> attachments, List<String> notAccepted) {
        List<Attachment> accepted = new ArrayList<>();
        for (Attachment attachment : attachments) {
            String type = EvidenceTypes.accepted(attachment.contentType(), attachment.content());
            if (type != null && accepted.size() < EvidenceTypes.MAX_ATTACHMENTS) {
                accepted.add(new Attachment(FileNames.safe(attachment.fileName(), "attachment"), type,
                        attachment.content(), null));
            } else {
                notAccepted.add(attachment.fileName() + " (" + attachment.contentType() + ", "
                        + attachment.content().length + " B)");
            }
        }
        return accepted;
    }

    private Result quarantine(String sender, String messageId, UnreadableMailException.Reason reason, String detail) {
        if (sender != null) {
            answer(sender, messageId, "rejected." + reason.name(), null);
        }
        log.info("Mail {} from {} quarantined: {}", messageId, sender, detail);
        quarantined.record(messageId, sender, reason.name(), detail);
        return new Result(Outcome.QUARANTINED, null, reason + ": " + detail);
    }

    /** The longest description a mail makes; a longer text is kept whole as evidence besides. */
    static final int MAX_DESCRIPTION = 20000;
    private static final int MAX_LIST = 4000;

    /** Answers to one sender in an hour, at most: no loop can form with a robot we did not recognise. */
    static final int ANSWERS_PER_SENDER_AND_HOUR = 5;

    /** A polite bilingual answer, once per incoming message, marked automatic so robots do not answer it. */
    private void answer(String to, String inReplyTo, String key, String caseNumber) {
        answer(to, inReplyTo, key, caseNumber, "");
    }

    private void answer(String to, String inReplyTo, String key, String caseNumber, String details) {
        if (MailParser.isRobotAddress(to) || sentMails.countByRecipientIgnoreCaseAndKindAndSentAtAfter(to,
                "intake-answer", EngineClock.now().minus(java.time.Duration.ofHours(1))) >= ANSWERS_PER_SENDER_AND_HOUR) {
            log.info("No answer to {} ({}): a robot, or answered enough this hour", to, key);
            return;
        }
        // One answer per message: the same Message-ID from two senders, or none at all, is not one message.
        String id = Sha256.hex(to.toLowerCase(Locale.ROOT) + "|" + inReplyTo + "|" + key + "|" + caseNumber)
                .substring(0, 24);
        String reason = labels.get("mail.intake." + key, Labels.CHINESE, caseNumber) + "\n"
                + labels.get("mail.intake." + key, Labels.ENGLISH, caseNumber) + (details.isEmpty() ? "" : "\n\n" + details);
        String subject = labels.get("mail.intake.subject", Labels.CHINESE) + " / "
                + labels.get("mail.intake.subject", Labels.ENGLISH);
        String body = labels.get("mail.intake.body", Labels.CHINESE, reason, intakeSettings.address()) + "\n\n"
                + "----------------------------------------\n\n"
                + labels.get("mail.intake.body", Labels.ENGLISH, reason, intakeSettings.address());
        outgoing.send(new OutgoingMessage("intake-answer-" + id, caseNumber, "intake-answer", to, subject, body,
                "<intake-answer-" + id + "@" + mailSettings.domain() + ">",
                inReplyTo != null && inReplyTo.startsWith("<") ? inReplyTo : null));
    }

    /**
     * Whom to answer about a message that cannot be read: its sender, unless its headers show a robot
     * (list mail, a report, an auto-reply), which is never answered, readable or not.
     */
    private static String senderOf(MimeMessage message) {
        try {
            var from = message.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof jakarta.mail.internet.InternetAddress a
                    && a.getAddress() != null && a.getAddress().contains("@")
                    && !MailParser.isAutomatic(message, a.getAddress())) {
                return a.getAddress();
            }
        } catch (MessagingException | RuntimeException e) {
            // no usable sender
        }
        return null;
    }

    private static String messageIdOf(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
