package org.qinglang.reliability;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Not a test: prints how long the application takes to start as production starts it
 * ({@code java -Xmx512m -cp … QinglangApplication}), from the JVM's start until it answers
 * /actuator/health with UP, and Spring's own figure (context ready): on PostgreSQL with an empty
 * database (schema created), on the same database again (the usual restart), and on the embedded
 * default (H2 on disk, embedded mail server, as {@code mvn spring-boot:run}). Run with
 * {@code mvn -Pbench verify -Dtest=StartupBenchmark}.
 */
class StartupBenchmark {

    static final List<String> JVM = List.of("-Xmx512m");

    @Test
    void startUpTimes() throws Exception {
        GreenMail mail = Parallel.smtpServer();
        try (ScratchDatabase database = ScratchDatabase.create("bench_startup")) {
            List<String> postgres = ApplicationNode.commonArguments(database, mail.getSmtp().getPort());
            print("PostgreSQL, empty database", postgres);
            print("PostgreSQL, existing schema", postgres);
            print("PostgreSQL, existing schema, again", postgres);
        } finally {
            mail.stop();
        }
        int smtp = ApplicationNode.freePort();
        int imap = ApplicationNode.freePort();
        List<String> embedded = List.of("--qinglang.mail.embedded.smtp-port=" + smtp,
                "--qinglang.mail.embedded.imap-port=" + imap, "--spring.mail.port=" + smtp,
                "--qinglang.mail.intake.port=" + imap);
        print("embedded default (H2 on disk, new), embedded mail server", embedded);
    }

    private static void print(String label, List<String> arguments) throws Exception {
        long start = System.nanoTime();
        try (ApplicationNode node = ApplicationNode.start("bench-startup", JVM, arguments)) {
            node.awaitUp(Duration.ofMillis(50));
            double healthy = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCH start-up[%s]: healthy after %.1f s; %s%n", label, healthy,
                    node.startedLine());
        }
    }
}
