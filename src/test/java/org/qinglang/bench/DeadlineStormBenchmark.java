package org.qinglang.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.qinglang.process.CaseVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not a test: prints how long one node takes to escalate N rectification deadlines that fall due
 * at the same moment (default 10,000), and the job executor settings used. Cases are put directly
 * at Task_AwaitPlatformResponse with a deadline shortly ahead, so that only the storm is measured.
 * Run with {@code mvn -Pbench verify -Dtest=DeadlineStormBenchmark [-Dbench.db=postgres]
 * [-Dbench.deadlines=10000]}.
 */
@SpringBootTest(properties = {
    "qinglang.mail.embedded.smtp-port=3529", "qinglang.mail.embedded.imap-port=3647",
    "spring.mail.port=3529", "qinglang.mail.intake.port=3647", "qinglang.mail.intake.enabled=false"})
class DeadlineStormBenchmark {

    static final int DEADLINES = Integer.getInteger("bench.deadlines", 10_000);
    /**
     * Deadlines that fall due first, unmeasured, so that the storm meets a node whose JIT has compiled
     * the job path, as on a node that has been escalating for a while ({@code -Dbench.warmup=0}: cold).
     */
    static final int WARM_UP = Integer.getInteger("bench.warmup", 2_000);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        BenchDatabase.register(registry, "qinglang_bench_storm");
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @org.springframework.beans.factory.annotation.Value("${camunda.bpm.job-execution.core-pool-size}")
    int corePoolSize;
    @org.springframework.beans.factory.annotation.Value("${camunda.bpm.job-execution.max-pool-size}")
    int maxPoolSize;

    @Test
    void deadlinesFallingDueTogether() throws Exception {
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor();
        jobExecutor.shutdown(); // nothing runs while the cases are laid out
        Instant warmUpDueAt = Instant.now().plus(Duration.ofDays(1));
        Instant dueAt = warmUpDueAt.plus(Duration.ofHours(12));
        long setupStart = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < WARM_UP + DEADLINES; i++) {
            int n = i;
            workers.submit(() -> layOut(n, n < WARM_UP ? warmUpDueAt : dueAt));
        }
        workers.shutdown();
        workers.awaitTermination(1, TimeUnit.HOURS);
        if (BenchDatabase.DB.equals("postgres")) {
            // Statistics as autovacuum keeps them on a server where these cases have been waiting for
            // weeks; freshly filled tables have none, and the planner then scans every variable.
            jdbc.execute("ANALYZE");
        }
        System.out.printf("BENCH storm setup: %d cases waiting for the platform (and %d for the warm-up) in %.1f s%n",
                DEADLINES, WARM_UP, (System.nanoTime() - setupStart) / 1e9);

        jobExecutor.start();
        if (WARM_UP > 0) {
            long warmUpStart = System.nanoTime();
            fallDue(warmUpDueAt);
            awaitEscalated(WARM_UP);
            System.out.printf("BENCH storm warm-up: %d deadlines escalated in %.1f s%n", WARM_UP,
                    (System.nanoTime() - warmUpStart) / 1e9);
        }
        long start = System.nanoTime();
        fallDue(dueAt);
        awaitEscalated(WARM_UP + DEADLINES);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH storm[%s]: %d deadlines escalated on one node in %.1f s (%.0f/s); job executor "
                + "core %d, max %d, jobs per acquisition %d, wait %d ms; incidents %d%n", BenchDatabase.DB,
                DEADLINES, seconds, DEADLINES / seconds, corePoolSize, maxPoolSize, jobExecutor.getMaxJobsPerAcquisition(),
                jobExecutor.getWaitTimeInMillis(), engine.getRuntimeService().createIncidentQuery().count());
    }

    /** Every deadline due at the given moment falls due now: its timer is moved, as time passing would. */
    private void fallDue(Instant dueAt) {
        jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE HANDLER_TYPE_ = 'timer-transition' "
                + "AND HANDLER_CFG_ LIKE '%Timer_RectificationDeadline%' AND DUEDATE_ <= ?", new Date(),
                Date.from(dueAt));
    }

    private void awaitEscalated(int count) {
        await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(500)).until(() ->
                engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_DecideEnforcement").count()
                        >= count);
    }

    private void layOut(int n, Instant dueAt) {
        String caseNumber = String.format("QL-2026-%06d", 500_000 + n);
        Instant now = Instant.now();
        jdbc.update("""
                INSERT INTO complaint (case_number, source, category, reporter_type, platform_code, content_url,
                  normalized_url, account_name, description, complainant_name, complainant_email, text_sha256, stage,
                  severity, responsible_office, rectification_due_at, notified_at, created_at, updated_at)
                VALUES (?, 'API', 'RUMOUR', 'CITIZEN', 'weiyu-social', ?, ?, 'storm', 'benchmark', 'bench',
                  'bench@mail.example', 'x', 'PLATFORM_NOTIFIED', 'MEDIUM', 'office', ?, ?, ?, ?)""",
                caseNumber, "https://weiyu.example/p/storm-" + n, "https://weiyu.example/p/storm-" + n,
                java.sql.Timestamp.from(dueAt), java.sql.Timestamp.from(now), java.sql.Timestamp.from(now),
                java.sql.Timestamp.from(now));
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseVariables.CASE_NUMBER, caseNumber);
        variables.put(CaseVariables.PLATFORM_NAME, "微语社区 Weiyu Social");
        variables.put(CaseVariables.ANNOUNCE, false);
        variables.put(CaseVariables.RECTIFICATION_DUE_AT, Date.from(dueAt));
        variables.put(CaseVariables.REMINDER_DUE_AT, Date.from(dueAt.plus(Duration.ofDays(1))));
        engine.getRuntimeService().createProcessInstanceByKey(CaseVariables.PROCESS_KEY).businessKey(caseNumber)
                .setVariables(variables).startBeforeActivity("Task_AwaitPlatformResponse").execute();
    }
}
