package org.qinglang.mail;

/**
 * A message to send once. {@code dedupKey} names the step that sends it (e.g.
 * {@code platform-notice-QL-2026-000001-0}); the Message-ID is stable so that replies correlate.
 */
public record OutgoingMessage(String dedupKey, String caseNumber, String kind, String to, String subject, String body,
        String messageId, String inReplyTo, java.util.List<Attachment> attachments) {

    /** A file sent with the message, such as a decision document. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    public OutgoingMessage(String dedupKey, String caseNumber, String kind, String to, String subject, String body,
            String messageId, String inReplyTo) {
        this(dedupKey, caseNumber, kind, to, subject, body, messageId, inReplyTo, java.util.List.of());
    }
}
