package org.qinglang.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.qinglang.process.CaseVariables;
import org.qinglang.common.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail that nothing in the case waits for (the acknowledgement of a complaint): written in the
 * transaction of the step that causes it, so it exists exactly when that step committed, and sent
 * after the commit in batches, each over one connection ({@link MailDispatcher}), instead of in an
 * engine job of its own per message. A message the server refuses is tried again after
 * {@code retryAfter}, as long as it takes; after {@code incidentAfterAttempts} failures the case
 * shows an incident {@value #INCIDENT_TYPE} in Cockpit, resolved by itself once the message is sent.
 * A node that dies after sending a batch and before recording it leaves its claim to expire; the
 * batch is then sent again by any node, with the same Message-IDs (at most {@link #BATCH} copies).
 */
@Service
public class MailOutbox {

    public static final String INCIDENT_TYPE = "mailNotSent";
    public static final int BATCH = 10;

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final JdbcTemplate jdbc;
    private final OutgoingMail outgoing;
    private final RuntimeService runtimeService;
    private final MailOutboxSettings settings;
    private final TransactionTemplate ownTransaction;
    private volatile Runnable onQueued = () -> { };

    public MailOutbox(JdbcTemplate jdbc, OutgoingMail outgoing, RuntimeService runtimeService,
            MailOutboxSettings settings, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.outgoing = outgoing;
        this.runtimeService = runtimeService;
        this.settings = settings;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Queues the message in the caller's transaction.
     *
     * @return false when this step's message was already queued or sent
     */
    public boolean queue(OutgoingMessage message) {
        Integer known = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM sent_mail WHERE dedup_key = ?)"
                + " + (SELECT COUNT(*) FROM mail_outbox WHERE dedup_key = ?)", Integer.class, message.dedupKey(),
                message.dedupKey());
        if (known != null && known > 0) {
            return false;
        }
        Timestamp now = Timestamp.from(EngineClock.now());
        jdbc.update("INSERT INTO mail_outbox (dedup_key, case_number, kind, recipient, message_id, in_reply_to,"
                + " subject, body, queued_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                message.dedupKey(), message.caseNumber(), message.kind(), message.to(), message.messageId(),
                message.inReplyTo(), message.subject(), message.body(), now, now);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    onQueued.run();
                }
            });
        } else {
            onQueued.run();
        }
        return true;
    }

    /** Called after every commit that queued mail (the dispatcher wakes up). */
    void onQueued(Runnable listener) {
        this.onQueued = listener;
    }

    /** Messages waiting to be sent, due or not. */
    public long waiting() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Sends one batch of the messages that are due, as the dispatcher does.
     *
     * @return how many messages the server accepted (0: nothing was due, or it accepted none)
     */
    public int dispatchDue() {
        try (SmtpConnections.Batch connection = outgoing.batch()) {
            return dispatchDue(connection);
        }
    }

    /** An SMTP connection for several rounds of {@link #dispatchDue(SmtpConnections.Batch)}; close it after. */
    SmtpConnections.Batch connection() {
        return outgoing.batch();
    }

    /** The same over the given connection, which the dispatcher keeps while messages keep coming. */
    int dispatchDue(SmtpConnections.Batch connection) {
        Instant now = EngineClock.now();
        List<Queued> claimed = ownTransaction.execute(status -> claim(now));
        if (claimed == null || claimed.isEmpty()) {
            return 0;
        }
        List<Queued> sent = new ArrayList<>();
        List<Queued> refused = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String unreachable = null;
        for (Queued queued : claimed) {
            if (unreachable != null) {
                // The server cannot be reached: the rest of the batch waits as well, untried.
                refused.add(queued);
                errors.add(unreachable);
                continue;
            }
            try {
                outgoing.deliver(connection, queued.message());
                sent.add(queued);
            } catch (RuntimeException e) {
                refused.add(queued);
                errors.add(String.valueOf(e.getMessage()));
                if (e.getCause() instanceof SmtpConnections.ServerUnreachable) {
                    unreachable = String.valueOf(e.getMessage());
                }
            }
        }
        ownTransaction.executeWithoutResult(status -> {
            recordSent(sent, EngineClock.now());
            for (int i = 0; i < refused.size(); i++) {
                recordRefused(refused.get(i), errors.get(i), EngineClock.now());
            }
        });
        return sent.size();
    }

    private List<Queued> claim(Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Queued> due = jdbc.query("SELECT id, dedup_key, case_number, kind, recipient, message_id, in_reply_to,"
                + " subject, body, attempts, incident_id FROM mail_outbox WHERE next_attempt_at <= ?"
                + " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY",
                (row, n) -> new Queued(row.getLong("id"), new OutgoingMessage(row.getString("dedup_key"),
                        row.getString("case_number"), row.getString("kind"), row.getString("recipient"),
                        row.getString("subject"), row.getString("body"), row.getString("message_id"),
                        row.getString("in_reply_to")), row.getInt("attempts") + 1, row.getString("incident_id")),
                at, at);
        if (due.isEmpty()) {
            return due;
        }
        // Another node may have claimed some of them since: only the rows this update took are ours.
        Timestamp until = Timestamp.from(now.plus(settings.claimTime()));
        int[] taken = jdbc.batchUpdate("UPDATE mail_outbox SET claimed_until = ?, attempts = attempts + 1"
                + " WHERE id = ? AND (claimed_until IS NULL OR claimed_until < ?)",
                due.stream().map(q -> new Object[] {until, q.id(), at}).toList());
        List<Queued> ours = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            if (taken[i] != 0) {
                ours.add(due.get(i));
            }
        }
        return ours;
    }

    private void recordSent(List<Queued> sent, Instant at) {
        if (sent.isEmpty()) {
            return;
        }
        Timestamp when = Timestamp.from(at);
        jdbc.batchUpdate("INSERT INTO sent_mail (dedup_key, case_number, kind, recipient, message_id, subject, sent_at,"
                + " body) SELECT ?, ?, ?, ?, ?, ?, ?, ? FROM mail_outbox WHERE id = ?"
                + " AND NOT EXISTS (SELECT 1 FROM sent_mail WHERE dedup_key = ?)",
                sent.stream().map(q -> new Object[] {q.message().dedupKey(), q.message().caseNumber(),
                    q.message().kind(), q.message().to(), q.message().messageId(), q.message().subject(), when,
                    SentMail.keptText(q.message().body()), q.id(), q.message().dedupKey()}).toList());
        jdbc.batchUpdate("DELETE FROM mail_outbox WHERE id = ?", sent.stream().map(q -> new Object[] {q.id()}).toList());
        for (Queued q : sent) {
            if (q.incidentId() != null) {
                try {
                    runtimeService.resolveIncident(q.incidentId());
                } catch (ProcessEngineException alreadyGone) {
                    // Resolved in Cockpit, or the case has ended meanwhile.
                }
            }
        }
    }

    private void recordRefused(Queued queued, String error, Instant at) {
        String incidentId = queued.incidentId();
        if (incidentId == null && queued.attempt() >= settings.incidentAfterAttempts()) {
            incidentId = raiseIncident(queued, error);
        }
        log.warn("Mail {} not sent (attempt {}), trying again in {}: {}", queued.message().dedupKey(),
                queued.attempt(), settings.retryAfter(), error);
        jdbc.update("UPDATE mail_outbox SET claimed_until = NULL, next_attempt_at = ?, last_error = ?, incident_id = ?"
                + " WHERE id = ?", Timestamp.from(at.plus(settings.retryAfter())), truncate(error), incidentId,
                queued.id());
    }

    private String raiseIncident(Queued queued, String error) {
        ProcessInstance instance = queued.message().caseNumber() == null ? null
                : runtimeService.createProcessInstanceQuery()
                        .processInstanceBusinessKey(queued.message().caseNumber(), CaseVariables.PROCESS_KEY)
                        .singleResult();
        String executionId = instance == null ? null : waitingExecution(runtimeService.getActivityInstance(instance.getId()));
        if (executionId == null) {
            return null;
        }
        // On the step where the case waits now: an incident needs an execution that is at an activity.
        Incident incident = runtimeService.createIncident(INCIDENT_TYPE, executionId, queued.message().dedupKey(),
                "Mail " + queued.message().kind() + " to " + queued.message().to() + " not sent after "
                        + queued.attempt() + " attempts (tried again every " + settings.retryAfter() + "): "
                        + truncate(error));
        return incident.getId();
    }

    private static String waitingExecution(ActivityInstance activity) {
        if (activity == null) {
            return null;
        }
        for (ActivityInstance child : activity.getChildActivityInstances()) {
            String executionId = waitingExecution(child);
            if (executionId != null) {
                return executionId;
            }
        }
        return activity.getChildActivityInstances().length == 0 && activity.getExecutionIds().length > 0
                ? activity.getExecutionIds()[0] : null;
    }

    private static String truncate(String text) {
        return text.length() <= 1900 ? text : text.substring(0, 1900);
    }

    private record Queued(long id, OutgoingMessage message, int attempt, String incidentId) {
    }
}
