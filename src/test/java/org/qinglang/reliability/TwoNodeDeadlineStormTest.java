package org.qinglang.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.qinglang.TestMail;

/**
 * Two application nodes on one PostgreSQL database (a homogeneous engine cluster: both run the job
 * executor on the shared tables) and a storm of deadlines: the reminder and deadline timers of 30
 * cases waiting for the platforms fall due at one moment. Every job runs once, every deadline is
 * recorded once, every notice is sent once, and both nodes take part.
 */
// Beside the other test classes, not beside the other reliability test: one pair of nodes at a time.
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
@org.junit.jupiter.api.parallel.ResourceLock(ApplicationNode.NODES)
class TwoNodeDeadlineStormTest {

    static final int CASES = 30;
    static final int CLIENTS = 4;
    static final List<String> HOSTS = List.of("node-a", "node-b");

    @Test
    void deadlinesFallingDueTogetherOnTwoNodesRunOnceAndSendEachNoticeOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long start = System.nanoTime();
        try (ScratchDatabase database = ScratchDatabase.create("storm")) {
            GreenMail mail = Parallel.smtpServer();
            try (ApplicationNode a = ApplicationNode.start("storm-" + HOSTS.get(0) + "-" + run,
                    arguments(database, mail, HOSTS.get(0)))) {
                // Only one node may create the tables of an empty database; the second joins afterwards.
                a.awaitUp();
                try (ApplicationNode b = ApplicationNode.start("storm-" + HOSTS.get(1) + "-" + run,
                        arguments(database, mail, HOSTS.get(1)))) {
                    b.awaitUp();
                    List<ApplicationNode> nodes = List.of(a, b);
                    long started = System.nanoTime();

                    Map<Integer, String> cases = new ConcurrentHashMap<>();
                    Parallel.run(CASES, CLIENTS, i -> cases.put(i, Complaints.caseNumber(nodes.get(i % 2)
                            .send("POST", "/api/complaints", Complaints.json(run, i, category(i)), null))));
                    Set<String> caseNumbers = Set.copyOf(cases.values());
                    await("every case at verification").dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(3))
                            .pollInterval(Duration.ofSeconds(1)).until(() -> {
                                KillDuringIntakeTest.failOnIncidents(database);
                                return casesAt(database, "Task_VerifyComplaint").size() == CASES;
                            });

                    verifyAsSubstantiated(nodes);
                    await("every case waiting for its platform with reminder and deadline").dontCatchUncaughtExceptions()
                            .atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                                KillDuringIntakeTest.failOnIncidents(database);
                                return timers(database).size() == 2 * CASES;
                            });
                    long prepared = System.nanoTime();

                    // The storm: every reminder and every deadline falls due at the same moment.
                    Date moment = new Date(System.currentTimeMillis() + 10_000);
                    List<String> timers = new ArrayList<>(timers(database).keySet());
                    String dueDate = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(moment);
                    Parallel.run(timers.size(), CLIENTS, i -> expectStatus(nodes.get(i % 2).send("PUT",
                            "/engine-rest/job/" + timers.get(i) + "/duedate",
                            "{\"duedate\":\"" + dueDate + "\",\"cascade\":false}", ApplicationNode.OPERATOR), 204));
                    long lead = moment.getTime() - System.currentTimeMillis();

                    await("every case at enforcement").dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(3))
                            .pollInterval(Duration.ofSeconds(1)).until(() -> {
                                KillDuringIntakeTest.failOnIncidents(database);
                                return casesAt(database, "Task_DecideEnforcement").size() == CASES;
                            });
                    long stormOver = System.currentTimeMillis() - moment.getTime();
                    await("no job of the cases still running").dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(1))
                            .pollInterval(Duration.ofMillis(500)).until(() -> database.count("SELECT count(*) "
                                    + "FROM act_ru_job WHERE lock_owner_ IS NOT NULL") == 0);

                    assertThat(casesAt(database, "Task_DecideEnforcement")).containsOnlyKeys(caseNumbers)
                            .allSatisfy((caseNumber, tasks) -> assertThat(tasks).isEqualTo(1L));
                    assertThat(database.count("SELECT count(*) FROM act_ru_incident")).isZero();
                    assertNoJobRanTwice(database, caseNumbers);
                    // A reminder cut short by its deadline may have gone out; until the mail is in
                    // the register and in the mailbox alike, its job may still be finishing.
                    await("mail register and mailbox agree").dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30))
                            .pollInterval(Duration.ofMillis(500))
                            .untilAsserted(() -> assertEachNoticeSentOnce(database, mail, cases));
                    Map<String, Long> byHost = stormJobsByHost(database);
                    assertThat(byHost).containsOnlyKeys(HOSTS);

                    System.out.printf("RELIABILITY storm: %d cases on 2 nodes; %d timers moved to one moment "
                            + "%.1f s ahead; storm jobs by node %s, failed attempts (retried) %d; reminders sent "
                            + "%d; nodes up %.0f s, cases prepared %.0f s, storm over %.0f s after the moment, "
                            + "%.0f s in all%n", CASES, timers.size(), lead / 1e3, byHost,
                            database.count("SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 1"),
                            database.count("SELECT count(*) FROM sent_mail WHERE kind = 'reminder'"),
                            (started - start) / 1e9, (prepared - started) / 1e9,
                            stormOver / 1e3, (System.nanoTime() - start) / 1e9);
                }
            } finally {
                mail.stop();
            }
        }
    }

    private static List<String> arguments(ScratchDatabase database, GreenMail mail, String host) {
        List<String> arguments = new ArrayList<>(ApplicationNode.commonArguments(database, mail.getSmtp().getPort()));
        arguments.addAll(List.of(
                "--qinglang.demo.enabled=true",
                // The node's name in the job log (ACT_HI_JOB_LOG.HOSTNAME_).
                "--camunda.bpm.generic-properties.properties.hostname=" + host,
                // The job log, which shows which node ran what and that nothing ran twice, is kept
                // at history level full only.
                "--camunda.bpm.history-level=full",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--camunda.bpm.job-execution.max-jobs-per-acquisition=5",
                "--camunda.bpm.job-execution.core-pool-size=4",
                "--camunda.bpm.job-execution.max-pool-size=4",
                "--camunda.bpm.job-execution.queue-capacity=5"));
        return arguments;
    }

    /** Every tenth complaint is online extortion (a criminal lead: referred to the police too). */
    private static String category(int i) {
        return i % 10 == 0 ? "EXTORTION_PAID_DELETION" : i % 2 == 0 ? "RUMOUR" : "IMPERSONATION";
    }

    /** The case worker claims and completes every verification through the engine REST API of either node. */
    private static void verifyAsSubstantiated(List<ApplicationNode> nodes) throws Exception {
        JsonNode tasks = Complaints.read(expectStatus(nodes.get(0).send("GET",
                "/engine-rest/task?taskDefinitionKey=Task_VerifyComplaint&maxResults=" + (2 * CASES), null,
                "caseworker"), 200));
        assertThat(tasks).hasSize(CASES);
        Parallel.run(CASES, CLIENTS, i -> {
            ApplicationNode node = nodes.get(i % 2);
            String task = tasks.get(i).get("id").asText();
            expectStatus(node.send("POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"caseworker\"}",
                    "caseworker"), 204);
            expectStatus(node.send("POST", "/engine-rest/task/" + task + "/complete", """
                    {"variables": {
                      "verificationOutcome": {"value": "SUBSTANTIATED", "type": "String"},
                      "verificationNote": {"value": "属实 Substantiated", "type": "String"}}}""", "caseworker"),
                    204);
        });
    }

    private static HttpResponse<String> expectStatus(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    static Map<String, Long> casesAt(ScratchDatabase database, String taskDefinitionKey) {
        return database.map("SELECT e.business_key_, count(*) FROM act_ru_task t "
                + "JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ "
                + "WHERE t.task_def_key_ = ? GROUP BY e.business_key_", taskDefinitionKey);
    }

    /** Reminder and deadline timers: job id to the case. */
    private static Map<String, String> timers(ScratchDatabase database) {
        return database.map("SELECT j.id_, j.process_instance_id_ FROM act_ru_job j "
                + "JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_ "
                + "WHERE d.act_id_ IN ('Timer_RectificationReminder', 'Timer_RectificationDeadline')");
    }

    /**
     * The engine's own account: no job of the cases succeeded twice, and each case passed its
     * deadline and the recording of the missed deadline once, the reminder at most once.
     */
    private static void assertNoJobRanTwice(ScratchDatabase database, Set<String> caseNumbers) {
        assertThat(database.rows("SELECT job_id_, count(*) FROM act_hi_job_log WHERE job_state_ = 2 "
                + "AND process_def_key_ = 'complaint-handling' GROUP BY job_id_ HAVING count(*) > 1")).isEmpty();
        Map<String, Map<String, Long>> passed = new HashMap<>();
        for (Map<String, Object> row : database.rows("SELECT p.business_key_, a.act_id_, count(*) AS n "
                + "FROM act_hi_actinst a JOIN act_hi_procinst p ON p.id_ = a.proc_inst_id_ "
                + "WHERE a.end_time_ IS NOT NULL GROUP BY p.business_key_, a.act_id_")) {
            passed.computeIfAbsent((String) row.get("business_key_"), k -> new HashMap<>())
                    .put((String) row.get("act_id_"), ((Number) row.get("n")).longValue());
        }
        assertThat(passed).containsOnlyKeys(caseNumbers);
        passed.forEach((caseNumber, activities) -> {
            assertThat(activities).as(caseNumber).containsEntry("Task_SendPlatformNotice", 1L)
                    .containsEntry("Timer_RectificationDeadline", 1L).containsEntry("Task_RecordMissedDeadline", 1L);
            assertThat(activities.getOrDefault("Task_SendRectificationReminder", 0L)).as(caseNumber)
                    .isLessThanOrEqualTo(1L);
        });
    }

    /**
     * Every message the system sent carries the Message-ID of its step: no Message-ID twice in the
     * mailbox, one acknowledgement and one notice per case, a reminder at most once, a police referral
     * for each criminal lead, and the register of sent mail says the same.
     */
    private static void assertEachNoticeSentOnce(ScratchDatabase database, GreenMail mail, Map<Integer, String> cases)
            throws Exception {
        Map<String, Long> received = new TreeMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            received.merge(message.getMessageID(), 1L, Long::sum);
        }
        assertThat(received).allSatisfy((messageId, copies) -> assertThat(copies).as(messageId).isEqualTo(1L));
        Map<String, Long> registered = database.rows("SELECT message_id FROM sent_mail").stream()
                .collect(Collectors.groupingBy(row -> (String) row.get("message_id"), Collectors.counting()));
        assertThat(registered).isEqualTo(received);
        Set<String> unsigned = received.keySet().stream().map(TestMail::unsigned).collect(Collectors.toSet());
        cases.forEach((i, caseNumber) -> {
            assertThat(unsigned).contains("<acknowledgement-" + caseNumber + "@qinglang.local>",
                    "<notice-" + caseNumber + "@qinglang.local>");
            if (category(i).equals("EXTORTION_PAID_DELETION")) {
                assertThat(unsigned).contains("<police-referral-" + caseNumber + "@qinglang.local>");
            }
        });
    }

    private static Map<String, Long> stormJobsByHost(ScratchDatabase database) {
        return database.map("SELECT hostname_, count(*) FROM act_hi_job_log WHERE job_state_ = 2 "
                + "AND act_id_ IN ('Timer_RectificationReminder', 'Timer_RectificationDeadline', "
                + "'Task_SendRectificationReminder', 'Task_RecordMissedDeadline') GROUP BY hostname_");
    }
}
