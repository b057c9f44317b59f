package org.qinglang.bench;

import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.qinglang.process.CaseVariables;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ComplaintSource;
import org.qinglang.intake.IntakeService;
import org.qinglang.intake.NewComplaint;
import org.qinglang.casefile.ReporterType;
import org.qinglang.mail.MailOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not a test: prints complaints per second from POST /api/complaints until each waits at
 * verification and its acknowledgement has been sent, then the same through the intake service
 * (no HTTP), next to a bare engine process of one service task and one user task started with the
 * same concurrency, once with the service task as a job (asynchronous) and once without, plus the
 * engine rows a complaint writes, start-up time and peak heap.
 * {@code -Dbench.db=postgres} runs on a fresh PostgreSQL database. Run with
 * {@code mvn -Pbench verify -Dtest=IntakeBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "qinglang.mail.embedded.smtp-port=3528", "qinglang.mail.embedded.imap-port=3646",
    "spring.mail.port=3528", "qinglang.mail.intake.port=3646", "qinglang.mail.intake.enabled=false",
    "qinglang.intake.complaints-per-hour-per-address=10000000"})
class IntakeBenchmark {

    static final int COMPLAINTS = Integer.getInteger("bench.complaints", 2000);
    static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    /**
     * At most this many complaints through HTTP before anything is measured, and half as many through
     * the service after them, in rounds of 500 until the JIT compilers are done: on two cores busy with
     * requests they get a small share, and measuring while they still compile measured the compiler's
     * work and code not yet compiled (docs/performance.md).
     */
    static final int WARM_UP = Integer.getInteger("bench.warmup", 4_000);
    static final int WARM_UP_ROUND = 500;
    /** Compiler CPU per complaint below which a warm-up round counts as compiled. */
    static final double COMPILED_MS = 0.3;
    static final String DB = BenchDatabase.DB;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        BenchDatabase.register(registry, "qinglang_bench_intake");
    }

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    MailOutbox outbox;
    @Autowired
    IntakeService intake;

    @Test
    void complaintsPerSecondAgainstTheBareEngine() throws Exception {
        double startupSeconds = (System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
        engine.getRepositoryService().createDeployment().addClasspathResource("bench/bare.bpmn")
                .addClasspathResource("bench/bare-sync.bpmn").deploy();
        AtomicLong peakHeap = new AtomicLong();
        AtomicLong peakLiveHeap = new AtomicLong();
        ExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        ((java.util.concurrent.ScheduledExecutorService) sampler).scheduleAtFixedRate(() -> {
            peakHeap.accumulateAndGet(heapUsed(), Math::max);
            peakLiveHeap.accumulateAndGet(heapUsedAfterLastCollection(), Math::max);
        }, 0, 100, TimeUnit.MILLISECONDS);

        // Until the compilers have done most of their work on both paths, before either is measured.
        warmUp("warm-up", WARM_UP, "warmup", this::post);
        warmUp("warm-up service", WARM_UP / 2, "warmup-service", this::submitToService);
        double ours = run("qinglang", COMPLAINTS, "run", this::post).rate();
        double service = run("qinglang service", COMPLAINTS, "service", this::submitToService).rate();
        double bare = bare(COMPLAINTS, "bare-benchmark", "Task_BareUser");
        double bareSync = bare(COMPLAINTS, "bare-benchmark-sync", "Task_BareSyncUser");
        // Like with like: the bare process started through the engine's REST API over HTTP, as ours is.
        double bareHttp = bareOverHttp(COMPLAINTS, "bare-benchmark", "Task_BareUser");
        sampler.shutdownNow();
        System.out.printf("BENCH intake[%s]: %d complaints, %d clients: %.1f complaints/s until verification, "
                + "through the intake service %.1f/s; bare engine, service task as a job %.1f/s: ratios %.2f (HTTP) "
                + "and %.2f (service); bare engine, service task in the same transaction %.1f/s: ratios %.2f and "
                + "%.2f; start-up %.1f s; peak heap %d MB (after collections %d MB) of max %d MB%n", DB, COMPLAINTS,
                CLIENTS, ours, service, bare, ours / bare, service / bare, bareSync, ours / bareSync,
                service / bareSync, startupSeconds, peakHeap.get() / (1024 * 1024),
                peakLiveHeap.get() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf("BENCH intake over HTTP against the bare engine over HTTP[%s]: %.1f complaints/s against "
                + "%.1f instances/s: ratio %.2f%n", DB, ours, bareHttp, ours / bareHttp);
        printRowsPerComplaint();
    }

    /** One complaint from one client: true when it was accepted. */
    private interface Submission {
        boolean submit(String tag, long run, int n) throws Exception;
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private boolean post(String tag, long run, int n) throws Exception {
        String body = """
                {"category": "RUMOUR", "platform": "weiyu-social",
                 "url": "https://weiyu.example/p/%s-%d-%d", "accountName": "bench",
                 "description": "基准测试：造谣帖子 benchmark complaint",
                 "complainant": {"name": "测试", "email": "bench%d@mail.example"}}
                """.formatted(tag, run, n, n % 100);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/complaints"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 201;
    }

    private boolean submitToService(String tag, long run, int n) {
        intake.submit(new NewComplaint(ComplaintSource.API, ComplaintCategory.RUMOUR, ReporterType.CITIZEN,
                "weiyu-social", "https://weiyu.example/p/%s-%d-%d".formatted(tag, run, n), "bench",
                "基准测试：造谣帖子 benchmark complaint", "测试", "bench%d@mail.example".formatted(n % 100), null,
                List.of(), null));
        return true;
    }

    /** What one complaint at verification holds in the engine's tables (the same for every one). */
    private void printRowsPerComplaint() {
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(CaseVariables.PROCESS_KEY).active().listPage(0, 1).get(0);
        String id = instance.getId();
        HistoryService history = engine.getHistoryService();
        System.out.printf("BENCH rows per complaint at verification: %d runtime variables, %d history variables, "
                + "%d history activities, %d executions, %d jobs%n",
                engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(id).count(),
                history.createHistoricVariableInstanceQuery().processInstanceId(id).count(),
                history.createHistoricActivityInstanceQuery().processInstanceId(id).count(),
                engine.getRuntimeService().createExecutionQuery().processInstanceId(id).count(),
                engine.getManagementService().createJobQuery().processInstanceId(id).count());
    }

    /** What a run measured: complaints per second, and the JIT compilers' CPU per complaint meanwhile. */
    private record Run(double rate, double compilerMs) {
    }

    private void warmUp(String label, int atMost, String tag, Submission submission) throws Exception {
        for (int done = 0; done < atMost; done += WARM_UP_ROUND) {
            if (run(label, WARM_UP_ROUND, tag + done, submission).compilerMs() < COMPILED_MS) {
                return;
            }
        }
    }

    private Run run(String label, int count, String tag, Submission submission) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger failures = new AtomicInteger();
        long before = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_VerifyComplaint").count();
        Map<Long, ThreadCpu> threadsBefore = threadCpu();
        Map<String, Long> jvmThreadsBefore = jvmThreadCpu();
        long databaseCpuBefore = localPostgresCpuNanos();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        CountDownLatch done = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            int n = i;
            clients.submit(() -> {
                try {
                    if (!submission.submit(tag, start, n)) {
                        failures.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await(30, TimeUnit.MINUTES);
        // Before the client threads end, so that their CPU time is still there to read.
        Map<Long, ThreadCpu> threadsAccepted = threadCpu();
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.MINUTES);
        long accepted = System.nanoTime();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_VerifyComplaint").count() - before
                        >= count - failures.get());
        long atVerification = System.nanoTime();
        // Done means acknowledged too: the acknowledgements leave through the outbox after their commit.
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() -> outbox.waiting() == 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpuBefore;
        Map<Long, ThreadCpu> threadsAfter = threadCpu();
        Map<String, Long> jvmThreadsMeanwhile = new TreeMap<>();
        jvmThreadCpu().forEach((kind, nanos) -> jvmThreadsMeanwhile.put(kind,
                nanos - jvmThreadsBefore.getOrDefault(kind, 0L)));
        long databaseCpu = localPostgresCpuNanos() - databaseCpuBefore;
        threadsAccepted.forEach(threadsAfter::putIfAbsent);
        System.out.printf("BENCH %s: %d accepted in %.1f s (%.1f/s), all at verification after %.1f s and "
                + "acknowledged after %.1f s, %d failed; CPU of this JVM %.1f ms per complaint: %s (of the JVM's "
                + "own: %s)%s%n", label, count - failures.get(), (accepted - start) / 1e9,
                count / ((accepted - start) / 1e9), (atVerification - start) / 1e9, seconds, failures.get(), cpu / 1e6 / count,
                cpuByThreadGroup(threadsBefore, threadsAfter, cpu, count),
                jvmThreadsMeanwhile.entrySet().stream()
                        .map(e -> "%s %.1f".formatted(e.getKey(), e.getValue() / 1e6 / count))
                        .collect(Collectors.joining(", ")),
                DB.equals("postgres")
                        ? "; CPU of PostgreSQL %.1f ms per complaint".formatted(databaseCpu / 1e6 / count) : "");
        return new Run((count - failures.get()) / seconds,
                jvmThreadsMeanwhile.getOrDefault("compiler", 0L) / 1e6 / count);
    }

    private double bare(int count, String processKey, String userTask) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long cpuBefore = processCpuNanos();
        long databaseCpuBefore = localPostgresCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            clients.submit(() -> engine.getRuntimeService().startProcessInstanceByKey(processKey));
        }
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.MINUTES);
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                engine.getTaskService().createTaskQuery().taskDefinitionKey(userTask).count() >= count);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH %s: %d instances at the user task after %.1f s; CPU of this JVM %.1f ms per "
                + "instance%s%n", processKey, count, seconds, (processCpuNanos() - cpuBefore) / 1e6 / count,
                DB.equals("postgres") ? "; CPU of PostgreSQL %.1f ms per instance".formatted(
                        (localPostgresCpuNanos() - databaseCpuBefore) / 1e6 / count) : "");
        return count / seconds;
    }

    /**
     * The bare process started by POST /engine-rest/process-definition/key/{key}/start, with HTTP
     * Basic as every engine API client sends it (an administrator, so no authorization rows are read).
     */
    private double bareOverHttp(int count, String processKey, String userTask) throws Exception {
        long already = engine.getTaskService().createTaskQuery().taskDefinitionKey(userTask).count();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("demo:demo".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            clients.submit(() -> {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + port + "/engine-rest/process-definition/key/" + processKey + "/start"))
                        .header("Content-Type", "application/json").header("Authorization", basic)
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    failures.incrementAndGet();
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.MINUTES);
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                engine.getTaskService().createTaskQuery().taskDefinitionKey(userTask).count() - already
                        >= count - failures.get());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH %s over HTTP: %d instances at the user task after %.1f s, %d failed; CPU of this "
                + "JVM %.1f ms per instance%n", processKey, count, seconds, failures.get(),
                (processCpuNanos() - cpuBefore) / 1e6 / count);
        return (count - failures.get()) / seconds;
    }

    private record ThreadCpu(String group, long nanos) {
    }

    private static Map<Long, ThreadCpu> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, ThreadCpu> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), new ThreadCpu(group(info.getThreadName()), nanos));
                }
            }
        }
        return cpu;
    }

    /** Where the CPU went, per kind of thread: the web server, the in-JVM clients, the engine, mail. */
    private static String group(String threadName) {
        if (threadName.startsWith("http-nio")) {
            return "web server";
        }
        if (threadName.startsWith("HttpClient")) {
            return "HTTP client";
        }
        if (threadName.startsWith("pool-")) {
            return "clients";
        }
        if (threadName.startsWith("smtp") || threadName.startsWith("imap")) {
            return "mail server";
        }
        if (threadName.startsWith("mail-outbox")) {
            return "mail outbox";
        }
        if (threadName.contains("JobExecutor") || threadName.startsWith("camunda")) {
            return "job executor";
        }
        return "other threads";
    }

    private static String cpuByThreadGroup(Map<Long, ThreadCpu> before, Map<Long, ThreadCpu> after, long total,
            int count) {
        Map<String, Long> byGroup = new TreeMap<>();
        after.forEach((id, cpu) -> byGroup.merge(cpu.group(),
                cpu.nanos() - (before.containsKey(id) ? before.get(id).nanos() : 0), Long::sum));
        long inThreads = byGroup.values().stream().mapToLong(Long::longValue).sum();
        byGroup.put("GC, compiler and the JVM's own", total - inThreads);
        return byGroup.entrySet().stream().filter(e -> e.getValue() / 1e6 / count >= 0.05)
                .map(e -> "%s %.1f".formatted(e.getKey(), e.getValue() / 1e6 / count))
                .collect(Collectors.joining(", "));
    }

    /**
     * The CPU of the JVM's own threads, which no Java thread accounts for: the JIT compilers' and the
     * garbage collector's (Linux: /proc/self/task; empty elsewhere).
     */
    private static Map<String, Long> jvmThreadCpu() {
        Map<String, Long> cpu = new TreeMap<>();
        for (ProcStat thread : procStats("/proc/self/task", false)) {
            String kind = thread.name().contains("Compiler") ? "compiler"
                    : thread.name().startsWith("GC Thread") || thread.name().startsWith("G1 ")
                            || thread.name().startsWith("VM Thread") ? "garbage collector" : null;
            if (kind != null) {
                cpu.merge(kind, thread.cpuNanos(), Long::sum);
            }
        }
        return cpu;
    }

    /**
     * The CPU of every PostgreSQL process on this machine (its server runs here, at 127.0.0.1), from
     * /proc: the other share of the machine a complaint costs. The postmaster's count includes its
     * ended children's.
     */
    private static long localPostgresCpuNanos() {
        return procStats("/proc", true).stream().filter(process -> process.name().startsWith("postgres"))
                .mapToLong(ProcStat::cpuNanos).sum();
    }

    /** A process or thread as /proc/…/stat gives it: its name and the CPU it used. */
    private record ProcStat(String name, long cpuNanos) {
    }

    /** The stat of every process (or thread) under a /proc folder; those that end meanwhile are left out. */
    private static List<ProcStat> procStats(String folder, boolean withEndedChildren) {
        java.io.File[] entries = new java.io.File(folder).listFiles(f -> f.getName().matches("\\d+"));
        List<ProcStat> stats = new java.util.ArrayList<>();
        for (java.io.File entry : entries == null ? new java.io.File[0] : entries) {
            try {
                String stat = java.nio.file.Files.readString(entry.toPath().resolve("stat"));
                // After "pid (name) ": state, then utime, stime, cutime, cstime as fields 14 to 17 of stat.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                        + (withEndedChildren ? Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : 0);
                stats.add(new ProcStat(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
                        ticks * 10_000_000L)); // USER_HZ is 100 on Linux
            } catch (java.io.IOException | RuntimeException endedMeanwhile) {
                // ended between listing and reading
            }
        }
        return stats;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** What the collector could not free: the heap the application really holds. */
    private static long heapUsedAfterLastCollection() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .filter(p -> p.getCollectionUsage() != null).mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
