package org.qinglang;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP/IMAP server for the tests. Its ports are chosen free once per test JVM and handed to
 * the application as system properties, so that parallel builds on one machine do not collide.
 */
public final class TestMail {

    public static final int SMTP_PORT = freePort();
    public static final int IMAP_PORT = freePort();

    static {
        System.setProperty("spring.mail.port", String.valueOf(SMTP_PORT));
        System.setProperty("qinglang.mail.intake.port", String.valueOf(IMAP_PORT));
    }

    private TestMail() {
    }

    /** Makes sure the ports are chosen before any test application context reads its mail settings. */
    public static class Ports implements org.springframework.context.ApplicationContextInitializer<
            org.springframework.context.ConfigurableApplicationContext> {

        @Override
        public void initialize(org.springframework.context.ConfigurableApplicationContext context) {
            if (SMTP_PORT <= 0 || IMAP_PORT <= 0) {
                throw new IllegalStateException("no free ports for the test mail server");
            }
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static GreenMailExtension server() {
        org.qinglang.mail.EmbeddedMailServer.keepMessagesAsTheyArrive();
        return new GreenMailExtension(new ServerSetup[] {
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
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
            Object content = message.getContent();
            // With attachments: the text is the first part.
            if (content instanceof jakarta.mail.Multipart parts && parts.getCount() > 0) {
                return parts.getBodyPart(0).getContent().toString();
            }
            return content.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Message-ID of ours without its signature: {@code <notice-QL-2026-000001@qinglang.local>}. */
    /** The content of the message's first attachment of this MIME type. */
    public static byte[] attachment(MimeMessage message, String mimeType) {
        try {
            jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType(mimeType)) {
                    return parts.getBodyPart(i).getInputStream().readAllBytes();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no " + mimeType + " attached");
    }

    public static String unsigned(String messageId) {
        return messageId == null ? null : messageId.replaceFirst("\\.[0-9a-f]{24}@", "@");
    }

    public static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a message through SMTP exactly as given (no re-encoding, no added headers of ours), as a
     * mail server receives it from a client: 8-bit bytes, odd line endings and all.
     */
    public static void sendRaw(byte[] message, String from, String to) {
        String reply = trySendRaw(message, from, to);
        if (!reply.startsWith("250")) {
            throw new IllegalStateException("the mail server refused the message: " + reply);
        }
    }

    /** As {@link #sendRaw}, giving the server's answer to the message (250 when it took it). */
    public static String trySendRaw(byte[] message, String from, String to) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", SMTP_PORT)) {
            socket.setSoTimeout(30_000);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.ISO_8859_1));
            var out = new java.io.BufferedOutputStream(socket.getOutputStream());
            smtp(in, out, null, "220");
            smtp(in, out, "EHLO test.example", "250");
            smtp(in, out, "MAIL FROM:<" + from + ">", "250");
            smtp(in, out, "RCPT TO:<" + to + ">", "250");
            smtp(in, out, "DATA", "354");
            // A leading dot is doubled on the wire (RFC 5321 4.5.2).
            StringBuilder data = new StringBuilder();
            for (String line : new String(onTheWire(message), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .split("\r\n", -1)) {
                data.append(line.startsWith(".") ? "." + line : line).append("\r\n");
            }
            out.write(data.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String reply = smtp(in, out, ".", "");
            smtp(in, out, "QUIT", "221");
            return reply;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The message as SMTP carries it and a server keeps it: every line ends in CRLF, the last one's dropped. */
    public static byte[] onTheWire(byte[] message) {
        String text = new String(message, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("\r\n", "\n").replace("\r", "\n");
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String smtp(java.io.BufferedReader in, java.io.OutputStream out, String command, String expected)
            throws java.io.IOException {
        if (command != null) {
            out.write((command + "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.flush();
        }
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new java.io.IOException("SMTP server closed the connection after " + command);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(expected)) {
            throw new java.io.IOException("SMTP " + command + ": " + line);
        }
        return line;
    }
}
