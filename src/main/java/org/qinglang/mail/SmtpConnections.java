package org.qinglang.mail;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.qinglang.common.EngineClock;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends over one kept SMTP connection per sending thread (the job executor's few threads), instead of
 * a new connection with its greeting and EHLO for every message, as {@code JavaMailSender} does. The
 * connection is checked (NOOP) before each message; one the server has closed is opened again.
 * A failed send closes it and throws, so the step's job retries as before.
 */
@Component
class SmtpConnections {

    private final JavaMailSenderImpl settings;
    private final ThreadLocal<Transport> ofThisThread = new ThreadLocal<>();
    private final Set<Transport> open = ConcurrentHashMap.newKeySet();

    SmtpConnections(JavaMailSenderImpl settings) {
        this.settings = settings;
    }

    void send(MimeMessage message) throws MessagingException {
        if (message.getSentDate() == null) {
            message.setSentDate(Date.from(EngineClock.now()));
        }
        message.saveChanges();
        Transport transport = connected();
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            close(transport);
            throw e;
        }
    }

    private Transport connected() throws MessagingException {
        Transport transport = ofThisThread.get();
        if (transport != null && transport.isConnected()) {
            return transport;
        }
        if (transport != null) {
            close(transport);
        }
        transport = settings.getSession().getTransport(settings.getProtocol() == null ? "smtp" : settings.getProtocol());
        try {
            transport.connect(settings.getHost(), settings.getPort(), settings.getUsername(), settings.getPassword());
        } catch (MessagingException e) {
            throw new ServerUnreachable(e);
        }
        ofThisThread.set(transport);
        open.add(transport);
        return transport;
    }

    private void close(Transport transport) {
        ofThisThread.remove();
        open.remove(transport);
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // Closing a broken connection has nothing left to tell.
        }
    }

    /** No connection to the mail server: every other message would fail the same way now. */
    static final class ServerUnreachable extends MessagingException {

        ServerUnreachable(Exception cause) {
            super("Mail server connection failed", cause);
        }
    }

    @PreDestroy
    void closeAll() {
        open.forEach(transport -> {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // The application stops; the server drops the connection anyway.
            }
        });
        open.clear();
    }
}
