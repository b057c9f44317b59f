package org.qinglang.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How queued mail is sent: by a background dispatcher ({@code dispatch}; tests drive it themselves),
 * which looks for due messages every {@code pollInterval} besides being woken by each commit, retries
 * a refused message after {@code retryAfter}, raises an incident after {@code incidentAfterAttempts},
 * and leaves a message it claimed to another node after {@code claimTime} (a node that died).
 */
@ConfigurationProperties("qinglang.mail.outbox")
public record MailOutboxSettings(boolean dispatch, Duration pollInterval, Duration retryAfter,
        int incidentAfterAttempts, Duration claimTime) {
}
