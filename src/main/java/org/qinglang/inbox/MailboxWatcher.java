package org.qinglang.inbox;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.qinglang.mail.MailIntakeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the intake mailbox: waits with IMAP IDLE where the server offers it and polls
 * otherwise. Each message is moved out of the inbox only after what it became has been committed,
 * so a crash in between means the message is read again (and recognised by its Message-ID), never
 * lost. A message that cannot be handled never stops the watcher.
 */
@Component
@ConditionalOnProperty(name = "qinglang.mail.intake.enabled", havingValue = "true")
public class MailboxWatcher implements SmartLifecycle {

    /** How many times an unexpected failure is tried before the message is quarantined. */
    static final int MAX_ATTEMPTS = 5;
    /** The wait after the first failure; it doubles with each further one (about 8 minutes in all). */
    static final java.time.Duration FIRST_RETRY = java.time.Duration.ofSeconds(30);
    static final int CHUNK = 100;
    private static final FetchProfile WHOLE_MESSAGES = new FetchProfile();

    static {
        WHOLE_MESSAGES.add(FetchProfile.Item.FLAGS);
        WHOLE_MESSAGES.add(FetchProfile.Item.SIZE);
        WHOLE_MESSAGES.add(IMAPFolder.FetchProfileItem.MESSAGE);
    }
    private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);

    private final MailIntake intake;
    private final MailIntakeSettings settings;
    private final Session session;
    private final Map<String, Failures> failedAttempts = new ConcurrentHashMap<>();
    private final QuarantineRegister quarantined;

    /** A message that failed: how often, and not to be tried again before when. */
    private record Failures(int attempts, java.time.Instant notBefore) {
    }
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Store watchedStore;
    private final java.util.concurrent.ScheduledExecutorService nudger =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "mail-intake-nudger");
                thread.setDaemon(true);
                return thread;
            });

    public MailboxWatcher(MailIntake intake, MailIntakeSettings settings, QuarantineRegister quarantined) {
        this.intake = intake;
        this.quarantined = quarantined;
        this.settings = settings;
        Properties properties = new Properties();
        String protocol = settings.protocol();
        // Reading a message must not mark it: being moved out of the inbox is what marks it done.
        properties.put("mail." + protocol + ".peek", "true");
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "60000");
        properties.put("mail.mime.parameters.strict", "false");
        properties.put("mail.mime.decodeparameters", "true");
        this.session = Session.getInstance(properties);
    }

    /** Counts of what the handled messages became. */
    public record PollResult(Map<MailIntake.Outcome, Integer> outcomes, int failed) {

        public int count(MailIntake.Outcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }
    }

    /** Handles every message now in the inbox, on a connection of its own. */
    public synchronized PollResult pollOnce() throws MessagingException {
        try (Store store = connect()) {
            return handlePending(store);
        }
    }

    private Store connect() throws MessagingException {
        Store store = session.getStore(settings.protocol());
        store.connect(settings.host(), settings.port(), settings.username(), settings.password());
        return store;
    }

    private PollResult handlePending(Store store) throws MessagingException {
        Map<MailIntake.Outcome, Integer> outcomes = new EnumMap<>(MailIntake.Outcome.class);
        int failed = 0;
        Folder inbox = store.getFolder(settings.folder());
        inbox.open(Folder.READ_WRITE);
        try {
            Message[] messages = inbox.getMessages();
            // In chunks, each fetched in one round trip and moved out per folder at its end:
            // per-message round trips would make a full mailbox take minutes.
            for (int from = 0; from < messages.length; from += CHUNK) {
                Message[] chunk = Arrays.copyOfRange(messages, from, Math.min(from + CHUNK, messages.length));
                inbox.fetch(chunk, WHOLE_MESSAGES);
                Map<String, List<Message>> done = new LinkedHashMap<>();
                for (Message message : chunk) {
                    if (message.isExpunged() || message.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    MailIntake.Outcome outcome = handleOne(message);
                    if (outcome == null) {
                        failed++;
                        continue;
                    }
                    outcomes.merge(outcome, 1, Integer::sum);
                    done.computeIfAbsent(outcome.folder(), folder -> new ArrayList<>()).add(message);
                }
                for (Map.Entry<String, List<Message>> entry : done.entrySet()) {
                    markDone(store, inbox, entry.getValue().toArray(Message[]::new), entry.getKey());
                }
            }
        } finally {
            inbox.close(true);
        }
        return new PollResult(outcomes, failed);
    }

    /** @return what the message became, or null when it should be tried again later */
    private MailIntake.Outcome handleOne(Message message) {
        String key = null;
        try {
            // From the raw message, parsed here: the server's ENVELOPE of some real addresses ("To: baz",
            // "<>", groups, underscores in domains) cannot be read, and copying the message would need it.
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            message.writeTo(raw);
            MimeMessage local = new MimeMessage(session, new java.io.ByteArrayInputStream(raw.toByteArray()));
            key = local.getMessageID() == null ? String.valueOf(message.getMessageNumber()) : local.getMessageID();
            Failures earlier = failedAttempts.get(key);
            if (earlier != null && org.qinglang.common.EngineClock.now().isBefore(earlier.notBefore())) {
                return null; // backing off: tried again later
            }
            MailIntake.Outcome outcome = intake.handle(local).outcome();
            failedAttempts.remove(key);
            return outcome;
        } catch (MessagingException | java.io.IOException e) {
            // The message cannot even be copied from the server: treat as broken.
            log.warn("Unreadable message {}: {}", key, e.getMessage());
            quarantined.record(key, null, "UNREADABLE", String.valueOf(e.getMessage()));
            return MailIntake.Outcome.QUARANTINED;
        } catch (RuntimeException e) {
            Failures failures = failedAttempts.merge(String.valueOf(key), new Failures(1, null),
                    (old, one) -> new Failures(old.attempts() + 1, null));
            int attempts = failures.attempts();
            if (attempts >= MAX_ATTEMPTS) {
                failedAttempts.remove(String.valueOf(key));
                log.warn("Handling message {} failed {} times, quarantined: {}", key, attempts, e.toString());
                quarantined.record(key, null, "FAILED_" + attempts + "_TIMES", e.toString());
                return MailIntake.Outcome.QUARANTINED;
            }
            java.time.Duration wait = FIRST_RETRY.multipliedBy(1L << (attempts - 1));
            failedAttempts.put(String.valueOf(key), new Failures(attempts, org.qinglang.common.EngineClock.now()
                    .plus(wait)));
            log.warn("Handling message {} failed (attempt {}), it stays in the inbox and is tried again in {}: {}",
                    key, attempts, wait, e.toString());
            return null;
        }
    }

    /** Moves handled messages to the folder of their outcome; from then on they are done. */
    private void markDone(Store store, Folder inbox, Message[] messages, String folderName)
            throws MessagingException {
        Folder target = store.getFolder(folderName);
        if (!target.exists()) {
            target.create(Folder.HOLDS_MESSAGES);
        }
        if (inbox instanceof IMAPFolder imap) {
            imap.moveMessages(messages, target);
        } else {
            inbox.copyMessages(messages, target);
            inbox.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
        }
    }

    @Override
    public void start() {
        if (!settings.watch()) {
            return;
        }
        running = true;
        thread = new Thread(this::watch, "mail-intake-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        long backoff = 1000;
        while (running) {
            try (Store store = connect()) {
                watchedStore = store;
                backoff = 1000;
                boolean idle = store instanceof IMAPStore imap && imap.hasCapability("IDLE");
                log.info("Watching mailbox {} on {}:{} ({})", settings.username(), settings.host(), settings.port(),
                        idle ? "IMAP IDLE" : "polling every " + settings.pollInterval());
                while (running) {
                    synchronized (this) {
                        handlePending(store);
                    }
                    waitForMail(store, idle);
                }
            } catch (MessagingException | RuntimeException e) {
                if (running) {
                    log.warn("Mailbox watcher lost its connection, retrying in {} ms: {}", backoff, e.toString());
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 60_000);
                }
            } finally {
                watchedStore = null;
            }
        }
    }

    private void waitForMail(Store store, boolean idle) throws MessagingException {
        if (!idle) {
            sleep(settings.pollInterval().toMillis());
            return;
        }
        IMAPFolder inbox = (IMAPFolder) store.getFolder(settings.folder());
        inbox.open(Folder.READ_WRITE);
        // Any command on the folder ends an IDLE: the nudge bounds the wait by the poll interval, so
        // mail whose announcement a server drops is still picked up.
        java.util.concurrent.ScheduledFuture<?> nudge = nudger.schedule(() -> {
            try {
                inbox.getMessageCount();
            } catch (MessagingException | RuntimeException e) {
                log.debug("nudging the idle mailbox", e);
            }
        }, settings.pollInterval().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            if (inbox.getMessageCount() == 0) {
                inbox.idle(true); // returns when the server announces new mail, or on the nudge
            }
        } finally {
            nudge.cancel(false);
            if (inbox.isOpen()) {
                inbox.close(false);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        Store store = watchedStore;
        if (store != null) {
            try {
                store.close(); // ends an IDLE wait
            } catch (MessagingException e) {
                log.debug("closing the watched store", e);
            }
        }
        Thread watcher = thread;
        if (watcher != null) {
            watcher.interrupt();
        }
        nudger.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the embedded mail server and the engine, so that mail is only read when it can be handled. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
