package org.qinglang.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.qinglang.TestMail;
import org.qinglang.mail.MailOutbox;

/**
 * The application is killed (as by a power cut) while 160 complaints arrive over the API, and
 * started again on the same PostgreSQL database. Every complaint that got a 201 exists once with
 * its own process instance, nothing was stored twice, and every case, also one whose request was
 * cut off after it was stored, goes on to verification with its acknowledgement registered once.
 */
// Beside the other test classes, not beside the other reliability test: one pair of nodes at a time.
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
@org.junit.jupiter.api.parallel.ResourceLock(ApplicationNode.NODES)
class KillDuringIntakeTest {

    static final int COMPLAINTS = 160;
    static final int KILL_AFTER_ACCEPTED = 80;
    static final int CLIENTS = 4;
    static final int JOB_THREADS = 6;

    @Test
    void killedDuringIntakeLosesNoAcceptedComplaintAndEveryCaseContinues() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long start = System.nanoTime();
        try (ScratchDatabase database = ScratchDatabase.create("kill")) {
            GreenMail mail = Parallel.smtpServer();
            try {
                List<String> arguments = new ArrayList<>(ApplicationNode.commonArguments(database,
                        mail.getSmtp().getPort()));
                arguments.addAll(List.of(
                        // Jobs the killed JVM had locked are taken over once the lock expires.
                        "--camunda.bpm.job-execution.lock-time-in-millis=15000",
                        "--camunda.bpm.job-execution.max-wait=2000",
                        "--camunda.bpm.job-execution.max-jobs-per-acquisition=10",
                        "--camunda.bpm.job-execution.core-pool-size=" + JOB_THREADS,
                        "--camunda.bpm.job-execution.max-pool-size=" + JOB_THREADS,
                        "--camunda.bpm.job-execution.queue-capacity=10",
                        // Acknowledgements the killed JVM had claimed in the outbox are taken over likewise.
                        "--qinglang.mail.outbox.claim-time=PT15S"));

                AtomicInteger next = new AtomicInteger();
                Map<Integer, String> accepted = new ConcurrentHashMap<>();
                Set<Integer> cutOff = ConcurrentHashMap.newKeySet();

                ApplicationNode first = ApplicationNode.start("kill-first-" + run, arguments);
                try {
                    first.awaitUp();
                    intake(first, run, next, accepted, cutOff, true);
                } finally {
                    first.kill();
                }
                int acceptedBeforeKill = accepted.size();
                long killedAt = System.nanoTime();

                try (ApplicationNode second = ApplicationNode.start("kill-second-" + run, arguments)) {
                    second.awaitUp();
                    intake(second, run, next, accepted, cutOff, false);
                    assertThat(accepted.size() + cutOff.size()).isEqualTo(COMPLAINTS);
                    // Only requests under way at the kill fail, at most one per client.
                    assertThat(cutOff).hasSizeLessThanOrEqualTo(CLIENTS);

                    Map<String, String> urls = database.map("SELECT case_number, content_url FROM complaint");
                    assertEveryAcceptedComplaintStoredOnce(run, accepted, cutOff, urls);
                    assertOneProcessInstancePerComplaint(database, urls.keySet());

                    await("every case at verification").dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(3))
                            .pollInterval(Duration.ofSeconds(1)).until(() -> {
                                failOnIncidents(database);
                                return casesAtVerification(database).keySet().containsAll(urls.keySet());
                            });
                    assertThat(casesAtVerification(database)).containsOnlyKeys(urls.keySet())
                            .allSatisfy((caseNumber, tasks) -> assertThat(tasks).isEqualTo(1L));
                    assertThat(database.count("SELECT count(*) FROM act_ru_incident")).isZero();

                    await("every acknowledgement sent").dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(2))
                            .pollInterval(Duration.ofSeconds(1))
                            .until(() -> database.count("SELECT count(*) FROM mail_outbox") == 0);
                    int duplicates = assertAcknowledgedOnce(database, mail, urls.keySet());
                    System.out.printf("RELIABILITY kill: %d complaints, %d accepted before the kill, %d cut off "
                            + "(%d of them stored), %d acknowledgement copies resent after the kill; "
                            + "%.0f s in all, %.0f s from the kill until every case was at verification%n",
                            COMPLAINTS, acceptedBeforeKill, cutOff.size(), urls.size() - accepted.size(),
                            duplicates, (System.nanoTime() - start) / 1e9, (System.nanoTime() - killedAt) / 1e9);
                }
            } finally {
                mail.stop();
            }
        }
    }

    /**
     * Sends complaints from {@code next} on until all are sent; with {@code kill}, kills the node
     * once {@link #KILL_AFTER_ACCEPTED} got their 201 and stops sending.
     */
    private static void intake(ApplicationNode node, String run, AtomicInteger next, Map<Integer, String> accepted,
            Set<Integer> cutOff, boolean kill) throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    while (!killed.get()) {
                        int i = next.getAndIncrement();
                        if (i >= COMPLAINTS) {
                            return null;
                        }
                        try {
                            accepted.put(i, Complaints.caseNumber(node.send("POST", "/api/complaints",
                                    Complaints.json(run, i, "RUMOUR"), null)));
                        } catch (IOException refusedOrReset) {
                            if (!killed.get()) {
                                throw new AssertionError("complaint " + i + " failed without a kill", refusedOrReset);
                            }
                            cutOff.add(i);
                            continue;
                        }
                        if (kill && accepted.size() >= KILL_AFTER_ACCEPTED && killed.compareAndSet(false, true)) {
                            node.kill();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(5, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static void assertEveryAcceptedComplaintStoredOnce(String run, Map<Integer, String> accepted,
            Set<Integer> cutOff, Map<String, String> urls) {
        // case_number is the key of the map and unique in the table: a case number stored twice would
        // have failed the intake; the links show that no request was stored twice under two numbers.
        assertThat(urls.values()).doesNotHaveDuplicates();
        accepted.forEach((i, caseNumber) -> assertThat(urls).containsEntry(caseNumber, Complaints.url(run, i)));
        List<String> cutOffUrls = cutOff.stream().map(i -> Complaints.url(run, i)).toList();
        urls.forEach((caseNumber, url) -> {
            if (!accepted.containsValue(caseNumber)) {
                // Stored although the answer never arrived: only a request cut off by the kill.
                assertThat(cutOffUrls).contains(url);
            }
        });
    }

    private static void assertOneProcessInstancePerComplaint(ScratchDatabase database, Set<String> caseNumbers) {
        Map<String, Long> instances = database.map("SELECT business_key_, count(*) FROM act_hi_procinst "
                + "WHERE proc_def_key_ = 'complaint-handling' GROUP BY business_key_");
        assertThat(instances).containsOnlyKeys(caseNumbers).allSatisfy((k, n) -> assertThat(n).isEqualTo(1L));
        Map<String, Long> running = database.map("SELECT business_key_, count(*) FROM act_ru_execution "
                + "WHERE id_ = proc_inst_id_ GROUP BY business_key_");
        assertThat(running).containsOnlyKeys(caseNumbers).allSatisfy((k, n) -> assertThat(n).isEqualTo(1L));
    }

    static Map<String, Long> casesAtVerification(ScratchDatabase database) {
        return database.map("SELECT e.business_key_, count(*) FROM act_ru_task t "
                + "JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ "
                + "WHERE t.task_def_key_ = 'Task_VerifyComplaint' GROUP BY e.business_key_");
    }

    static void failOnIncidents(ScratchDatabase database) {
        List<Map<String, Object>> incidents = database.rows(
                "SELECT activity_id_, incident_msg_ FROM act_ru_incident");
        if (!incidents.isEmpty()) {
            throw new IllegalStateException(incidents.size() + " incidents, e.g. " + incidents.get(0));
        }
    }

    /**
     * One acknowledgement per case in the register of sent mail, and in the mailbox of every
     * complainant. A JVM killed between the server's acceptance of a message and the commit of that
     * fact resends it after the restart, with the same Message-ID (a mail client shows it once):
     * only the outbox batch under way at the kill can do that.
     *
     * @return the number of copies beyond the first
     */
    private static int assertAcknowledgedOnce(ScratchDatabase database, GreenMail mail, Set<String> caseNumbers)
            throws Exception {
        Map<String, Long> registered = database.map("SELECT case_number, count(*) FROM sent_mail "
                + "WHERE kind = 'acknowledgement' GROUP BY case_number");
        assertThat(registered).containsOnlyKeys(caseNumbers).allSatisfy((k, n) -> assertThat(n).isEqualTo(1L));

        Map<String, String> complainants = database.map("SELECT complainant_email, case_number FROM complaint");
        Map<String, List<String>> received = new HashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
            received.computeIfAbsent(to, k -> new ArrayList<>()).add(TestMail.unsigned(message.getMessageID()));
        }
        assertThat(received).containsOnlyKeys(complainants.keySet());
        int duplicates = 0;
        for (Map.Entry<String, List<String>> mailbox : received.entrySet()) {
            String caseNumber = complainants.get(mailbox.getKey());
            assertThat(mailbox.getValue()).containsOnly("<acknowledgement-" + caseNumber + "@qinglang.local>");
            duplicates += mailbox.getValue().size() - 1;
        }
        assertThat(duplicates).isLessThanOrEqualTo(MailOutbox.BATCH);
        return duplicates;
    }
}
