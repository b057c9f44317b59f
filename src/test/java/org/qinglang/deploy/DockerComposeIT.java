package org.qinglang.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container deployment as it runs: Docker Compose validates the file, builds the image from the
 * packaged jar and starts PostgreSQL, the mail server, both nodes and the proxy; the system then
 * answers through the proxy. Runs after {@code package} (failsafe), where a Docker engine answers;
 * elsewhere it is skipped, and {@code DockerFilesTest} checks the files without one.
 */
class DockerComposeIT {

    static final Path COMPOSE = Path.of("docker/compose.yaml");
    static final String PROJECT = "qinglang-it";
    /** The variables the compose file requires, with values for a throwaway deployment. */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "QINGLANG_SECURITY_TOKEN_SECRET", "it-" + "x".repeat(40),
            "QINGLANG_DB_PASSWORD", "it-database",
            "QINGLANG_ADMIN_PASSWORD", "it-admin");

    static boolean started;

    @BeforeAll
    static void dockerIsThere() throws Exception {
        assumeTrue(run(List.of("docker", "info"), Duration.ofSeconds(20)).exitCode == 0,
                "no Docker engine answers here");
    }

    @AfterAll
    static void takeItDown() throws Exception {
        if (started) {
            compose(Duration.ofMinutes(2), "down", "--volumes");
        }
    }

    @Test
    void composeBuildsTheImageStartsEveryServiceAndTheSystemAnswersThroughTheProxy() throws Exception {
        Result config = compose(Duration.ofMinutes(1), "config", "--quiet");
        assertThat(config.exitCode).as(config.output).isZero();

        started = true;
        Result up = compose(Duration.ofMinutes(15), "up", "--detach", "--build", "--wait", "--wait-timeout", "600");
        assertThat(up.exitCode).as(up.output).isZero();

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:8080/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");

        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:8080/"))
                .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("清朗");
    }

    static Result compose(Duration timeout, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker", "compose", "--project-name", PROJECT,
                "--file", COMPOSE.toString()));
        command.addAll(List.of(arguments));
        return run(command, timeout);
    }

    record Result(int exitCode, String output) {
    }

    static Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path output = Files.createTempFile("docker-it", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(ENVIRONMENT);
        Process process;
        try {
            process = builder.start();
        } catch (IOException noDocker) {
            return new Result(-1, noDocker.getMessage());
        }
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-2, "timed out: " + String.join(" ", command));
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        return new Result(process.exitValue(), text);
    }
}
