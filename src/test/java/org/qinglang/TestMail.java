package org.qinglang;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** A real SMTP/IMAP server per test class; the application sends to it on port 3025. */
public final class TestMail {

    private TestMail() {
    }

    public static GreenMailExtension server() {
        return new GreenMailExtension(ServerSetupTest.SMTP_IMAP)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                .withPerMethodLifecycle(true);
    }

    public static List<MimeMessage> to(GreenMailExtension mail, String recipient) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().contains(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).isEmpty() ? "" : decoded(message);
    }

    private static String decoded(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
