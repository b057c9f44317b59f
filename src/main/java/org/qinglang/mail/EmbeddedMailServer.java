package org.qinglang.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * SMTP and IMAP on localhost for the zero-setup default, so that acknowledgements and notices can
 * be read with any mail client (every mailbox is created on delivery, password = address).
 * Production talks to a real mail server and leaves this off.
 */
@Component
@ConditionalOnProperty(name = "qinglang.mail.embedded.enabled", havingValue = "true")
public class EmbeddedMailServer implements SmartLifecycle {

    public static final String INTAKE_ADDRESS = "complaints@qinglang.local";
    public static final String INTAKE_PASSWORD = "complaints";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private final GreenMail greenMail;
    private volatile boolean running;

    public EmbeddedMailServer(MailSettings settings) {
        keepMessagesAsTheyArrive();
        ServerSetup smtp = new ServerSetup(settings.embedded().smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(settings.embedded().imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        this.greenMail = new GreenMail(new ServerSetup[] {smtp, imap})
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(INTAKE_ADDRESS, INTAKE_ADDRESS,
                        INTAKE_PASSWORD));
    }

    /**
     * GreenMail reads the headers of a message it receives as UTF-8 unless told otherwise: the raw GBK
     * or Big5 bytes of legacy clients became U+FFFD, and the stored (and quarantined) copy was no longer
     * the original. Read one character per byte, every message is stored and served byte for byte as it
     * arrived; the intake decodes such bytes itself (inbox.UnlabelledCharset). The setting is GreenMail's.
     */
    public static void keepMessagesAsTheyArrive() {
        System.setProperty("mail.mime.allowutf8", "false");
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void start() {
        greenMail.start();
        running = true;
        log.info("Embedded mail server: SMTP on 127.0.0.1:{}, IMAP on 127.0.0.1:{}", greenMail.getSmtp().getPort(),
                greenMail.getImap().getPort());
    }

    @Override
    public void stop() {
        greenMail.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the engine's job executor, which may send mail at once. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }
}
