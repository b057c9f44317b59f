package org.qinglang.mail;

/**
 * A message to send once. {@code dedupKey} names the step that sends it (e.g.
 * {@code platform-notice-QL-2026-000001-0}); the Message-ID is stable so that replies correlate.
 */
public record OutgoingMessage(String dedupKey, String caseNumber, String kind, String to, String subject, String body,
        String messageId, String inReplyTo) {
}
