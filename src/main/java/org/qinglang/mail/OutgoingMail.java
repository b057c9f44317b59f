package org.qinglang.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.qinglang.common.EngineClock;
import org.qinglang.operations.CaseMetrics;
import org.qinglang.security.AccessTokens;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a message once per step. A failure to send throws, so the engine job retries it
 * (R3/PT5M) and raises an incident in the end; once the server has accepted the message, the fact
 * is committed at once in its own transaction, so a retry of the surrounding step skips it. Only a
 * JVM that dies between the server's acceptance and that commit sends the message again when the
 * step is retried, with the same Message-ID. Messages nothing waits for go through
 * {@link MailOutbox} instead.
 */
@Service
public class OutgoingMail {

    private final SmtpConnections connections;
    private final SentMailRepository sentMails;
    private final MailSettings settings;
    private final String replyTo;
    private final TransactionTemplate ownTransaction;
    private final CaseMetrics metrics;
    private final AccessTokens tokens;
    private final Session session = Session.getInstance(new Properties());

    OutgoingMail(SmtpConnections connections, SentMailRepository sentMails, MailSettings settings,
            MailIntakeSettings intakeSettings, PlatformTransactionManager transactionManager, CaseMetrics metrics,
            AccessTokens tokens) {
        this.metrics = metrics;
        this.tokens = tokens;
        this.connections = connections;
        this.sentMails = sentMails;
        this.settings = settings;
        this.replyTo = intakeSettings.address();
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Sends now, for a step that must not go on before the message has left (a notice starts its
     * deadline): a failure throws, so that the step's job retries.
     *
     * @return false when this step's message had already been sent
     */
    public boolean send(OutgoingMessage message) {
        if (sentMails.existsByDedupKey(message.dedupKey())) {
            return false;
        }
        deliver(message);
        ownTransaction.executeWithoutResult(status -> sentMails.save(new SentMail(message, EngineClock.now())));
        return true;
    }

    /** Hands the message to the mail server; throws {@link MailSendException} if it is not accepted. */
    void deliver(OutgoingMessage message) {
        try (SmtpConnections.Batch single = batch()) {
            deliver(single, message);
        }
    }

    /** The same, over the batch's connection. */
    void deliver(SmtpConnections.Batch batch, OutgoingMessage message) {
        MimeMessage mime = mime(message);
        try {
            batch.send(mime);
        } catch (MessagingException e) {
            metrics.mailFailed();
            throw new MailSendException("could not send message " + message.dedupKey() + ": " + e.getMessage(), e);
        }
    }

    /** A batch of messages over one connection (see {@link MailOutbox}). */
    SmtpConnections.Batch batch() {
        return connections.batch();
    }

    private MimeMessage mime(OutgoingMessage message) {
        // Built directly: MimeMessageHelper would read the MIME type table from its jar per message.
        MimeMessage mime = new StableIdMimeMessage(session, message.messageId());
        try {
            mime.setFrom(new InternetAddress(settings.from(), true));
            // Replies land in the watched intake mailbox and find their case there.
            mime.setReplyTo(InternetAddress.parse(replyTo, true));
            mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.to(), true));
            mime.setSubject(message.subject(), "UTF-8");
            if (message.attachments().isEmpty()) {
                mime.setText(message.body(), "UTF-8");
            } else {
                jakarta.mail.internet.MimeMultipart parts = new jakarta.mail.internet.MimeMultipart("mixed");
                jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
                text.setText(message.body(), "UTF-8");
                parts.addBodyPart(text);
                for (OutgoingMessage.Attachment attachment : message.attachments()) {
                    jakarta.mail.internet.MimeBodyPart file = new jakarta.mail.internet.MimeBodyPart();
                    file.setDataHandler(new jakarta.activation.DataHandler(
                            new jakarta.mail.util.ByteArrayDataSource(attachment.content(), attachment.contentType())));
                    file.setFileName(jakarta.mail.internet.MimeUtility.encodeText(attachment.fileName(), "UTF-8", "B"));
                    file.setDisposition(jakarta.mail.Part.ATTACHMENT);
                    parts.addBodyPart(file);
                }
                mime.setContent(parts);
            }
            // Tells mail robots (and our own intake) that no reply case should be opened from this.
            mime.setHeader("Auto-Submitted", "auto-generated");
            if (message.inReplyTo() != null) {
                mime.setHeader("In-Reply-To", message.inReplyTo());
                mime.setHeader("References", message.inReplyTo());
            }
            return mime;
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new MailSendException("could not build message " + message.dedupKey(), e);
        }
    }

    /**
     * The Message-ID of a message about a case: stable for the step (a retry sends the same), and
     * signed, so that only its recipient can write a reply that finds the case ({@link #caseAnswered}).
     */
    public String messageId(String kind, String caseNumber) {
        return "<" + kind + "-" + caseNumber + "." + tokens.mailReference(kind, caseNumber) + "@" + settings.domain()
                + ">";
    }

    /** The case a Message-ID of ours names, when its signature holds; empty for anything else. */
    public java.util.Optional<String> caseAnswered(String messageId) {
        java.util.regex.Matcher id = SIGNED_ID.matcher(messageId.strip());
        if (id.matches() && id.group(4).equalsIgnoreCase(settings.domain())
                && tokens.isValidMailReference(id.group(1), id.group(2), id.group(3))) {
            return java.util.Optional.of(id.group(2));
        }
        return java.util.Optional.empty();
    }

    private static final java.util.regex.Pattern SIGNED_ID = java.util.regex.Pattern.compile(
            "^<([a-z0-9-]+)-(QL-\\d{4}-\\d{6})\\.([0-9a-fA-F]{24})@([^>]+)>$");

    /** Keeps the Message-ID we chose instead of the random one JavaMail would write on saving. */
    static final class StableIdMimeMessage extends MimeMessage {

        private final String messageId;

        StableIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
