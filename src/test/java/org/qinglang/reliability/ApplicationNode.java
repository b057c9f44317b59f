package org.qinglang.reliability;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The application as production runs it: its own JVM ({@code java -cp … org.qinglang.QinglangApplication})
 * on 127.0.0.1 and a free port, with the runtime classpath of the test JVM minus the test classes.
 * Its output goes to {@code target/reliability/<name>.log}.
 */
final class ApplicationNode implements AutoCloseable {

    static final Path LOGS = Path.of("target", "reliability");
    /** Where {@link #jarClasspath()} packs the application's classes. */
    static final Path CLASSES_JAR_DIRECTORY = Path.of("target", "bench", "classes-jar").toAbsolutePath();
    static final Duration STARTUP = Duration.ofMinutes(2);
    /** The lock the tests that start nodes hold, so that one test's nodes run at a time. */
    static final String NODES = "qinglang-application-nodes";

    /** Children still alive when the test JVM ends are killed with it. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final Path workDirectory;

    private ApplicationNode(String name, int port, Path log, Process process, Path workDirectory) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.workDirectory = workDirectory;
    }

    /** Starts a node; the arguments come after the ones every node gets (port, address, models). */
    static ApplicationNode start(String name, List<String> arguments) throws IOException {
        // Small and quick to start: these nodes prove behaviour, not speed.
        return start(name, List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), arguments);
    }

    /** The same with the JVM options given, e.g. those of production for a benchmark. */
    static ApplicationNode start(String name, List<String> jvmOptions, List<String> arguments) throws IOException {
        return start(name, List.of(), jvmOptions, arguments);
    }

    /** The same, the JVM started through a launcher such as {@code taskset -c 0}. */
    static ApplicationNode start(String name, List<String> launcher, List<String> jvmOptions, List<String> arguments)
            throws IOException {
        return start(name, launcher, jvmOptions, applicationClasspath(), arguments);
    }

    /** The same on the classpath given, e.g. {@link #jarClasspath()} for class data sharing. */
    static ApplicationNode start(String name, List<String> launcher, List<String> jvmOptions, String classpath,
            List<String> arguments) throws IOException {
        int port = freePort();
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(name + ".log");
        Path workDirectory = Files.createTempDirectory("qinglang-" + name);
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dfile.encoding=UTF-8",
                "-cp", classpath, "org.qinglang.QinglangApplication",
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--qinglang.models.directory=" + Path.of("").toAbsolutePath(),
                "--spring.main.banner-mode=off"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(workDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RUNNING.add(process);
        return new ApplicationNode(name, port, log, process, workDirectory);
    }

    /**
     * The test JVM's classpath: surefire names it in {@code surefire.test.class.path} (java.class.path
     * may hold only its booter jar), an IDE in java.class.path. Test classes and resources stay out.
     */
    static String applicationClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * The application's classpath with its classes packed into a jar, as in the packaged
     * application: the JVM's class data sharing archives classes from jars only and refuses a
     * classpath with a non-empty directory.
     */
    static String jarClasspath() throws IOException {
        Path jar = CLASSES_JAR_DIRECTORY.resolve("qinglang-classes.jar");
        Files.createDirectories(jar.getParent());
        List<String> jars = new ArrayList<>();
        List<Path> directories = new ArrayList<>();
        for (String entry : applicationClasspath().split(File.pathSeparator)) {
            if (Files.isDirectory(Path.of(entry))) {
                directories.add(Path.of(entry));
            } else {
                jars.add(entry);
            }
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path directory : directories) {
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                        out.putNextEntry(new JarEntry(directory.relativize(file).toString()
                                .replace(File.separatorChar, '/')));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
            }
        }
        jars.add(0, jar.toString());
        return String.join(File.pathSeparator, jars);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until /actuator/health answers UP; fails at once when the JVM ends instead. */
    ApplicationNode awaitUp() {
        return awaitUp(Duration.ofMillis(500));
    }

    /** The same, asking as often as given (a start-up benchmark asks often). */
    ApplicationNode awaitUp(Duration pollInterval) {
        await(name + " healthy").dontCatchUncaughtExceptions().atMost(STARTUP).pollInterval(pollInterval).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                return health.statusCode() == 200 && health.body().contains("\"UP\"");
            } catch (IOException notYet) {
                return false;
            }
        });
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String name() {
        return name;
    }

    /** A JSON request to this node, optionally with HTTP Basic. */
    HttpResponse<String> send(String method, String path, String json, String user) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            String password = user.equals(OPERATOR) ? OPERATOR_PASSWORD : user;
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The engine administrator every node is started with (camunda-admin). */
    static final String OPERATOR = "operator";
    static final String OPERATOR_PASSWORD = "operator-" + Long.toHexString(System.nanoTime());

    /** The nodes of one test share the secret that signs links, as an installation's nodes do. */
    static final String TOKEN_SECRET = "node-secret-" + Long.toHexString(System.nanoTime()) + "-of-more-than-32-chars";

    /** Arguments every node of these tests gets: PostgreSQL, the test's SMTP server, no mail intake. */
    static List<String> commonArguments(ScratchDatabase database, int smtpPort) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres",
                "--qinglang.mail.embedded.enabled=false",
                "--qinglang.mail.intake.enabled=false",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--camunda.bpm.admin-user.id=" + OPERATOR,
                "--camunda.bpm.admin-user.password=" + OPERATOR_PASSWORD,
                "--camunda.bpm.job-execution.enabled=true",
                "--qinglang.intake.complaints-per-hour-per-address=100000",
                "--qinglang.security.token-secret=" + TOKEN_SECRET));
        arguments.addAll(database.applicationArguments());
        return arguments;
    }

    /** Ends the JVM as a power cut would: no shutdown hooks, no graceful stop. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        RUNNING.remove(process);
        deleteWorkDirectory();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** For a JVM that ends by itself (a training run): waits for it and fails unless it ended well. */
    void awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " still running after " + timeout + ", see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " ended with " + process.exitValue() + ", see " + log);
        }
    }

    /** Spring's line "Started QinglangApplication in … seconds (process running for …)". */
    String startedLine() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("Started QinglangApplication in"))
                .map(line -> line.substring(line.indexOf("Started QinglangApplication"))).findFirst()
                .orElse("(no start line in " + log + ")");
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the JVM gracefully (SIGTERM), and forcibly when that takes longer than 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
        RUNNING.remove(process);
        deleteWorkDirectory();
    }

    private void deleteWorkDirectory() {
        try (var files = Files.walk(workDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the system cleans it up otherwise
        }
    }

    @Override
    public String toString() {
        return name + "@" + port;
    }
}
