package org.qinglang.reliability;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Not a test: prints how long the application takes to start as production starts it
 * ({@code java -Xmx512m -cp … QinglangApplication}), from the JVM's start until it answers
 * /actuator/health with UP, and Spring's own figure (context ready): on PostgreSQL with an empty
 * database (schema created), on the same database again (the usual restart), and on the embedded
 * default (H2 on disk, embedded mail server, as {@code mvn spring-boot:run}); and on PostgreSQL as
 * the Docker image starts, the classes in jars with and without the class data sharing archive of a
 * training run ({@code docker/Dockerfile}). Run with
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
            // As the Docker image starts: the classes in jars, with a class data sharing archive that
            // a training run wrote (the context refreshed, nothing started, then exit).
            String jars = ApplicationNode.jarClasspath();
            Path archive = ApplicationNode.CLASSES_JAR_DIRECTORY.resolve("qinglang.jsa");
            Files.deleteIfExists(archive);
            long training = System.nanoTime();
            try (ApplicationNode node = ApplicationNode.start("bench-startup-training", List.of(),
                    jvm("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh"),
                    jars, postgres)) {
                node.awaitExit(Duration.ofMinutes(5));
            }
            System.out.printf("BENCH start-up: training run for the class data sharing archive %.1f s, archive %d MB%n",
                    (System.nanoTime() - training) / 1e9, Files.size(archive) / (1024 * 1024));
            for (int run = 1; run <= 2; run++) {
                print("PostgreSQL, existing schema, classes in jars, run " + run, JVM, jars, postgres);
                print("PostgreSQL, existing schema, classes in jars with the archive, run " + run,
                        jvm("-XX:SharedArchiveFile=" + archive), jars, postgres);
            }
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

    /** The production JVM options and the ones given. */
    private static List<String> jvm(String... more) {
        return Stream.concat(JVM.stream(), Stream.of(more)).toList();
    }

    private static void print(String label, List<String> arguments) throws Exception {
        print(label, JVM, ApplicationNode.applicationClasspath(), arguments);
    }

    private static void print(String label, List<String> jvmOptions, String classpath, List<String> arguments)
            throws Exception {
        long start = System.nanoTime();
        try (ApplicationNode node = ApplicationNode.start("bench-startup", List.of(), jvmOptions, classpath,
                arguments)) {
            node.awaitUp(Duration.ofMillis(50));
            double healthy = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCH start-up[%s]: healthy after %.1f s; %s%n", label, healthy,
                    node.startedLine());
        }
    }
}
