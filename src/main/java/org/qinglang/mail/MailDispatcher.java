package org.qinglang.mail;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's messages in the background: woken by every commit that queued one, and every
 * poll interval for retries and for messages a stopped node left behind. It sends batch after batch
 * over one connection while the server accepts them and closes it when none is due; a batch the
 * server refuses waits for the next round.
 */
@Component
@ConditionalOnProperty(name = "qinglang.mail.outbox.dispatch", havingValue = "true", matchIfMissing = true)
class MailDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final MailOutbox outbox;
    private final MailOutboxSettings settings;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    MailDispatcher(MailOutbox outbox, MailOutboxSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        running = true;
        outbox.onQueued(wakeUp::release);
        thread = new Thread(this::dispatchUntilStopped, "mail-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    private void dispatchUntilStopped() {
        while (running) {
            try {
                wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                // One connection while messages keep coming; closed as soon as none is due.
                try (SmtpConnections.Batch connection = outbox.connection()) {
                    while (running && outbox.dispatchDue(connection) > 0) {
                        wakeUp.drainPermits();
                    }
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be away for a moment; the next round tries again.
                log.warn("Mail outbox: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        outbox.onQueued(() -> { });
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
