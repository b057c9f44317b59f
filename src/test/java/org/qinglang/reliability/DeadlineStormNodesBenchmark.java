package org.qinglang.reliability;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Not a test: prints how long one node, then two nodes on the same PostgreSQL, take to escalate N
 * rectification deadlines that fall due at the same moment (default 10,000 each time). The nodes
 * are production JVMs ({@code java -cp … QinglangApplication}, profile postgres) with the job
 * executor settings of application.yaml. It also prints how busy the machine's processors were during
 * each storm: on a machine whose every core one node already keeps busy (with PostgreSQL on the same
 * cores), a second node has nothing to run on. {@code -Dbench.pinned=true} gives each node a core of
 * its own ({@code taskset -c 0} and {@code -c 1}; PostgreSQL on any), which shows what the second node
 * adds when there is a core for it. Run with
 * {@code mvn -Pbench verify -Dtest=DeadlineStormNodesBenchmark [-Dbench.deadlines=10000] [-Dbench.pinned=true]}.
 */
class DeadlineStormNodesBenchmark {

    static final int DEADLINES = Integer.getInteger("bench.deadlines", 10_000);
    static final int CLIENTS = 8;
    static final List<String> JVM = List.of("-Xmx512m");
    static final boolean PINNED = Boolean.getBoolean("bench.pinned");
    /** Deadlines that fall due first on the same nodes, unmeasured, so that their JIT has compiled the job path. */
    static final int WARM_UP = Integer.getInteger("bench.warmup", 2_000);

    @Test
    void oneNodeAgainstTwo() throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create("bench_nodes")) {
            GreenMail mail = Parallel.smtpServer();
            try (ApplicationNode a = ApplicationNode.start("bench-node-a", launcher(0), JVM,
                    arguments(database, mail, "node-a"))) {
                a.awaitUp();
                double one = storm(database, List.of(a), 0);
                try (ApplicationNode b = ApplicationNode.start("bench-node-b", launcher(1),
                        JVM, arguments(database, mail, "node-b"))) {
                    b.awaitUp();
                    double two = storm(database, List.of(a, b), WARM_UP + DEADLINES);
                    System.out.printf("BENCH storm nodes[postgres%s]: %d deadlines each time: one node %.1f s "
                            + "(%.0f/s), two nodes %.1f s (%.0f/s), two nodes %.2f times as fast; job executor per "
                            + "node core 4, max 8, queue 16, 16 jobs per acquisition (application.yaml); incidents "
                            + "%d%n", PINNED ? ", one core per node" : "", DEADLINES, one, DEADLINES / one, two,
                            DEADLINES / two, one / two, database.count("SELECT count(*) FROM act_ru_incident"));
                }
            } finally {
                mail.stop();
            }
        }
    }

    private static List<String> launcher(int core) {
        return PINNED ? List.of("taskset", "-c", String.valueOf(core)) : List.of();
    }

    private static List<String> arguments(ScratchDatabase database, GreenMail mail, String host) {
        List<String> arguments = new ArrayList<>(ApplicationNode.commonArguments(database, mail.getSmtp().getPort()));
        arguments.add("--camunda.bpm.generic-properties.properties.hostname=" + host);
        return arguments;
    }

    /**
     * Lays out the warm-up's and N cases waiting for their platform, makes the warm-up's deadlines due
     * and waits for them, then makes the N deadlines due now and times their escalation.
     */
    private static double storm(ScratchDatabase database, List<ApplicationNode> nodes, int first) throws Exception {
        Instant warmUpDueAt = Instant.now().plus(Duration.ofDays(1));
        Instant dueAt = warmUpDueAt.plus(Duration.ofHours(12));
        long setup = System.nanoTime();
        int count = WARM_UP + DEADLINES;
        insertComplaints(database, first, count, dueAt);
        SimpleDateFormat restDate = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        List<String> warmUpDates = List.of(restDate.format(Date.from(warmUpDueAt)),
                restDate.format(Date.from(warmUpDueAt.plus(Duration.ofDays(1)))));
        List<String> dates = List.of(restDate.format(Date.from(dueAt)),
                restDate.format(Date.from(dueAt.plus(Duration.ofDays(1)))));
        Parallel.run(count, CLIENTS, i -> {
            String caseNumber = caseNumber(first + i);
            List<String> due = i < WARM_UP ? warmUpDates : dates;
            String body = """
                    {"businessKey": "%1$s",
                     "variables": {"caseNumber": {"value": "%1$s", "type": "String"},
                       "platformName": {"value": "微语社区 Weiyu Social", "type": "String"},
                       "announce": {"value": false, "type": "Boolean"},
                       "rectificationDueAt": {"value": "%2$s", "type": "Date"},
                       "reminderDueAt": {"value": "%3$s", "type": "Date"}},
                     "startInstructions": [{"type": "startBeforeActivity", "activityId": "Task_AwaitPlatformResponse"}]}
                    """.formatted(caseNumber, due.get(0), due.get(1));
            int status = nodes.get(i % nodes.size()).send("POST",
                    "/engine-rest/process-definition/key/complaint-handling/start", body, ApplicationNode.OPERATOR)
                    .statusCode();
            if (status != 200) {
                throw new IllegalStateException("case " + caseNumber + " not laid out: HTTP " + status);
            }
        });
        long before = escalated(database);
        // Statistics as autovacuum keeps them on a server where these cases have been waiting for weeks.
        try (Connection connection = database.connect(); java.sql.Statement sql = connection.createStatement()) {
            sql.execute("ANALYZE");
        }
        System.out.printf("BENCH storm nodes setup: %d cases waiting for the platform (and %d for the warm-up) in "
                + "%.1f s%n", DEADLINES, WARM_UP, (System.nanoTime() - setup) / 1e9);
        if (WARM_UP > 0) {
            long warmUp = System.nanoTime();
            fallDue(database, warmUpDueAt);
            awaitEscalated(database, before + WARM_UP);
            System.out.printf("BENCH storm nodes warm-up: %d deadlines escalated by %d node(s) in %.1f s%n", WARM_UP,
                    nodes.size(), (System.nanoTime() - warmUp) / 1e9);
        }

        long start = System.nanoTime();
        MachineCpu cpu = MachineCpu.now();
        fallDue(database, dueAt);
        awaitEscalated(database, before + count);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH storm nodes: %d deadlines escalated by %d node(s) in %.1f s; the machine's %d "
                + "processors %.0f %% busy meanwhile%n", DEADLINES, nodes.size(), seconds,
                Runtime.getRuntime().availableProcessors(), cpu.busyPercentSince());
        return seconds;
    }

    /** Every deadline due at the given moment falls due now: its timer is moved, as time passing would. */
    private static void fallDue(ScratchDatabase database, Instant dueAt) throws Exception {
        try (Connection connection = database.connect(); PreparedStatement moved = connection.prepareStatement(
                "UPDATE act_ru_job SET duedate_ = ? WHERE handler_type_ = 'timer-transition' "
                        + "AND handler_cfg_ LIKE '%Timer_RectificationDeadline%' AND duedate_ <= ?")) {
            moved.setTimestamp(1, Timestamp.from(Instant.now()));
            moved.setTimestamp(2, Timestamp.from(dueAt));
            moved.executeUpdate();
        }
    }

    private static void awaitEscalated(ScratchDatabase database, long count) {
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> escalated(database) >= count);
    }

    private static long escalated(ScratchDatabase database) {
        return database.count("SELECT count(*) FROM act_ru_task WHERE task_def_key_ = 'Task_DecideEnforcement'");
    }

    private static String caseNumber(int n) {
        return String.format("QL-2026-%06d", 700_000 + n);
    }

    private static void insertComplaints(ScratchDatabase database, int first, int count, Instant dueAt)
            throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = database.connect(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO complaint (case_number, source, category, reporter_type, platform_code, content_url,
                  normalized_url, account_name, description, complainant_name, complainant_email, text_sha256, stage,
                  severity, responsible_office, rectification_due_at, notified_at, created_at, updated_at)
                VALUES (?, 'API', 'RUMOUR', 'CITIZEN', 'weiyu-social', ?, ?, 'storm', 'benchmark', 'bench',
                  'bench@mail.example', 'x', 'PLATFORM_NOTIFIED', 'MEDIUM', 'office', ?, ?, ?, ?)""")) {
            for (int i = 0; i < count; i++) {
                String url = "https://weiyu.example/p/nodes-" + (first + i);
                insert.setString(1, caseNumber(first + i));
                insert.setString(2, url);
                insert.setString(3, url);
                insert.setTimestamp(4, Timestamp.from(dueAt));
                insert.setTimestamp(5, now);
                insert.setTimestamp(6, now);
                insert.setTimestamp(7, now);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
