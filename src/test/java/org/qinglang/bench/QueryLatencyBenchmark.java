package org.qinglang.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.qinglang.process.CaseVariables;
import org.qinglang.casefile.CaseStage;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.casefile.ComplaintSource;
import org.qinglang.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not a test: prints p50/p95/p99 latency of the case list and the case workers' task list with many
 * finished cases (default 1,000,000) and open cases (default 50,000, each with its verification task).
 * Run with {@code mvn -Pbench verify -Dtest=QueryLatencyBenchmark [-Dbench.db=postgres]
 * [-Dbench.finished=1000000] [-Dbench.open=50000]}.
 */
@SpringBootTest(properties = {
    "qinglang.mail.embedded.smtp-port=3530", "qinglang.mail.embedded.imap-port=3648",
    "spring.mail.port=3530", "qinglang.mail.intake.port=3648", "qinglang.mail.intake.enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class QueryLatencyBenchmark {

    static final int FINISHED = Integer.getInteger("bench.finished", 1_000_000);
    static final int OPEN = Integer.getInteger("bench.open", 50_000);
    static final int SAMPLES = 300;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        BenchDatabase.register(registry, "qinglang_bench_queries");
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ComplaintRepository complaints;
    @Autowired
    ProcessEngine engine;

    @Test
    void caseListAndTaskListLatency() throws Exception {
        long start = System.nanoTime();
        insertComplaints(0, FINISHED, "CLOSED");
        insertComplaints(FINISHED, OPEN, "UNDER_VERIFICATION");
        ExecutorService workers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < OPEN; i++) {
            String caseNumber = String.format("QL-2026-%07d", FINISHED + i);
            workers.submit(() -> engine.getRuntimeService().createProcessInstanceByKey(CaseVariables.PROCESS_KEY)
                    .businessKey(caseNumber).setVariable(CaseVariables.CASE_NUMBER, caseNumber)
                    .setVariable(CaseVariables.PLATFORM_NAME, "微语社区 Weiyu Social")
                    .setVariable(CaseVariables.VERIFICATION_SLA, "P30D")
                    .setVariable("verificationDueAt", new java.util.Date(System.currentTimeMillis() + 86_400_000L))
                    .startBeforeActivity("Task_VerifyComplaint").execute());
        }
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.HOURS);
        if (BenchDatabase.DB.equals("postgres")) {
            // What autovacuum does on a server that has been running: statistics for the planner and
            // the visibility map that lets counts read the indexes alone.
            jdbc.execute("VACUUM ANALYZE");
        }
        System.out.printf("BENCH queries setup: %d finished and %d open cases in %.1f s%n", FINISHED, OPEN,
                (System.nanoTime() - start) / 1e9);

        measure("case list, open at verification, page 1", () -> complaints.search(null,
                CaseStage.UNDER_VERIFICATION, PageRequest.of(0, 20)).getContent().size());
        measure("case list, e-mail complaints, page 1", () -> complaints.search(ComplaintSource.EMAIL, null,
                PageRequest.of(0, 20)).getContent().size());
        measure("case list, all, page 100", () -> complaints.search(null, null, PageRequest.of(100, 20))
                .getContent().size());
        String verificationQueue = engine.getFilterService().createFilterQuery()
                .filterName("核实队列").singleResult().getId();
        measure("Tasklist filter 'Verification queue' of a case worker (authorized), first 50 and count",
                () -> asCaseWorker(() -> engine.getFilterService().listPage(verificationQueue, 0, 50).size()
                        + (int) Math.min(1, engine.getFilterService().count(verificationQueue))));
        measure("task list of a case worker (candidate group, authorized), first 50 and count",
                () -> asCaseWorker(() -> engine.getTaskService().createTaskQuery()
                        .taskCandidateGroup(Roles.CASE_WORKERS).orderByTaskPriority().desc().orderByDueDate().asc()
                        .listPage(0, 50).size() + (int) Math.min(1, engine.getTaskService().createTaskQuery()
                        .taskCandidateGroup(Roles.CASE_WORKERS).count())));
    }

    /** Runs a query as Tasklist does for a logged-in case worker: with the engine's authorization checks. */
    private int asCaseWorker(Supplier<Integer> query) {
        engine.getIdentityService().setAuthentication("caseworker", List.of(Roles.CASE_WORKERS));
        try {
            return query.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private void insertComplaints(int from, int count, String stage) {
        String sql = """
                INSERT INTO complaint (case_number, source, category, reporter_type, platform_code, content_url,
                  normalized_url, account_name, description, complainant_name, complainant_email, text_sha256, stage,
                  severity, responsible_office, created_at, updated_at)
                VALUES (?, ?, ?, 'CITIZEN', 'weiyu-social', ?, ?, 'acct', 'benchmark complaint', 'bench',
                  'bench@mail.example', 'x', ?, 'MEDIUM', 'office', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""";
        String[] sources = {"WEB", "API", "EMAIL"};
        String[] categories = {"RUMOUR", "IMPERSONATION", "MALICIOUS_HYPE", "OTHER_ILLEGAL"};
        for (int batch = 0; batch < count; batch += 5_000) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = batch; i < Math.min(count, batch + 5_000); i++) {
                int n = from + i;
                String url = "https://weiyu.example/p/q-" + n;
                rows.add(new Object[] {String.format("QL-2026-%07d", n), sources[n % 3], categories[n % 4], url, url,
                    stage});
            }
            jdbc.batchUpdate(sql, rows);
        }
    }

    private void measure(String label, Supplier<Integer> query) {
        for (int i = 0; i < 30; i++) {
            query.get();
        }
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long t = System.nanoTime();
            query.get();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("BENCH query[%s] %s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", BenchDatabase.DB, label,
                nanos[SAMPLES / 2] / 1e6, nanos[SAMPLES * 95 / 100] / 1e6, nanos[SAMPLES * 99 / 100] / 1e6);
    }
}
