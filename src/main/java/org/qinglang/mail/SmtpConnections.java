package org.qinglang.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import org.qinglang.common.EngineClock;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * SMTP connections with the settings of {@code spring.mail.*}. A batch (the outbox's) sends all its
 * messages over one connection instead of a new connection, with its greeting and EHLO, for every
 * message as {@code JavaMailSender} does; a single message is a batch of one. No connection is
 * kept open after its batch, so none is left idle for a server to drop.
 */
@Component
class SmtpConnections {

    private final JavaMailSenderImpl settings;

    SmtpConnections(JavaMailSenderImpl settings) {
        this.settings = settings;
    }

    /** Opens no connection yet: the first message does. */
    Batch batch() {
        return new Batch();
    }

    /** Messages sent one after the other over one connection; closing it closes the connection. */
    final class Batch implements AutoCloseable {

        private Transport transport;

        void send(MimeMessage message) throws MessagingException {
            if (message.getSentDate() == null) {
                message.setSentDate(Date.from(EngineClock.now()));
            }
            message.saveChanges();
            if (transport == null) {
                transport = connect();
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // Closing a broken connection has nothing left to tell.
                }
                transport = null;
            }
        }
    }

    private Transport connect() throws MessagingException {
        Transport transport = settings.getSession().getTransport(
                settings.getProtocol() == null ? "smtp" : settings.getProtocol());
        try {
            transport.connect(settings.getHost(), settings.getPort(), settings.getUsername(), settings.getPassword());
        } catch (MessagingException e) {
            throw new ServerUnreachable(e);
        }
        return transport;
    }

    /** No connection to the mail server: every other message would fail the same way now. */
    static final class ServerUnreachable extends MessagingException {

        ServerUnreachable(Exception cause) {
            super("Mail server connection failed", cause);
        }
    }
}
