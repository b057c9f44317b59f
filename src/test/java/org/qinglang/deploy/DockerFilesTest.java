package org.qinglang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The container deployment in docker/ read as text: no Docker is needed. Checks that the compose
 * file wires the two nodes to PostgreSQL, the mail server and the proxy, that every setting it
 * passes is one the application reads, and that the image is layered, unprivileged and checked.
 */
class DockerFilesTest {

    static final Path DOCKER = Path.of("docker");
    static final Path RESOURCES = Path.of("src/main/resources");
    static final List<String> APP_NODES = List.of("app1", "app2");
    static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
            "application");
    /** Prefixes of environment variables Spring Boot binds to properties. */
    static final List<String> PROPERTY_PREFIXES = List.of("QINGLANG_", "SPRING_", "CAMUNDA_", "SERVER_",
            "MANAGEMENT_");
    /** Standard properties the application does not set itself but may be given. */
    static final Set<String> STANDARD_PROPERTIES = Set.of("spring.profiles.active", "spring.mail.username",
            "spring.mail.password", "spring.mail.protocol", "server.port", "server.forward-headers-strategy");

    static Map<String, Object> services;
    static String composeText;
    /** Every key of application.yaml and application-postgres.yaml, flattened. */
    static Set<String> applicationKeys;
    /** Environment variables the application files read as ${NAME} or ${NAME:default}. */
    static Set<String> placeholders;

    @BeforeAll
    static void readFiles() throws IOException {
        composeText = read(DOCKER.resolve("compose.yaml"));
        services = map(yaml(composeText).get("services"));
        applicationKeys = new LinkedHashSet<>();
        placeholders = new LinkedHashSet<>();
        for (String file : List.of("application.yaml", "application-postgres.yaml")) {
            String text = read(RESOURCES.resolve(file));
            flatten("", yaml(text), applicationKeys);
            Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(text);
            while (placeholder.find()) {
                placeholders.add(placeholder.group(1));
            }
        }
    }

    // --- compose.yaml ---

    @Test
    void composeHasTheDatabaseTheMailServerTwoNodesAndTheProxy() {
        assertThat(services).containsKeys("postgres", "mail", "app1", "app2", "proxy");
    }

    @Test
    void nodesRunThePostgresProfileAgainstThePostgresService() {
        for (String node : APP_NODES) {
            Map<String, String> env = environment(node);
            assertThat(env).as(node).containsEntry("SPRING_PROFILES_ACTIVE", "postgres,prod");
            assertThat(env.get("QINGLANG_DB_URL")).as(node).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(env).as(node).containsKeys("QINGLANG_DB_USER", "QINGLANG_DB_PASSWORD");
            assertThat(env).as(node).containsEntry("QINGLANG_DEMO_ENABLED", "false");
        }
    }

    @Test
    void nodesUseTheMailServiceInsteadOfTheEmbeddedServer() {
        for (String node : APP_NODES) {
            Map<String, String> env = environment(node);
            assertThat(env).as(node)
                    .containsEntry("QINGLANG_MAIL_EMBEDDED_ENABLED", "false")
                    .containsEntry("SPRING_MAIL_HOST", "mail")
                    .containsEntry("SPRING_MAIL_PORT", "3025")
                    .containsEntry("QINGLANG_MAIL_INTAKE_HOST", "mail")
                    .containsEntry("QINGLANG_MAIL_INTAKE_PORT", "3143")
                    .containsKeys("QINGLANG_MAIL_INTAKE_USERNAME", "QINGLANG_MAIL_INTAKE_PASSWORD");
        }
    }

    @Test
    void theIntakeMailboxCanLogInToTheMailService() {
        String options = environment("mail").get("GREENMAIL_OPTS");
        assertThat(options).contains("-Dgreenmail.hostname=0.0.0.0", "-Dgreenmail.users.login=email");
        assertThat(options).containsAnyOf("-Dgreenmail.setup.test.all", "-Dgreenmail.setup.test.smtp");
        assertThat(options).containsAnyOf("-Dgreenmail.setup.test.all", "-Dgreenmail.setup.test.imap");
        // greenmail.users=local:password@domain, the login being the whole address
        Matcher users = Pattern.compile("-Dgreenmail\\.users=(\\S+)").matcher(options);
        assertThat(users.find()).as("greenmail.users in %s", options).isTrue();
        Set<String> logins = new LinkedHashSet<>();
        for (String user : users.group(1).split(",")) {
            String[] parts = user.split("[:@]");
            logins.add(parts[0] + "@" + parts[2] + " " + parts[1]);
        }
        for (String node : APP_NODES) {
            Map<String, String> env = environment(node);
            assertThat(logins).as(node).contains(
                    env.get("QINGLANG_MAIL_INTAKE_USERNAME") + " " + env.get("QINGLANG_MAIL_INTAKE_PASSWORD"));
        }
    }

    @Test
    void theTokenSecretMustComeFromTheEnvironment() {
        for (String node : APP_NODES) {
            assertThat(environment(node).get("QINGLANG_SECURITY_TOKEN_SECRET")).as(node)
                    .matches("\\$\\{QINGLANG_SECURITY_TOKEN_SECRET:\\?[^}]+}");
        }
    }

    @Test
    void everyVariableOfTheNodesNamesAPropertyTheApplicationKnows() {
        Set<String> canonical = new LinkedHashSet<>();
        Set<String> legacy = new LinkedHashSet<>();
        for (String key : applicationKeys) {
            canonical.add(key.replace("-", ""));
            legacy.add(key.replace('-', '.'));
        }
        for (String key : STANDARD_PROPERTIES) {
            canonical.add(key.replace("-", ""));
            legacy.add(key.replace('-', '.'));
        }
        for (String node : APP_NODES) {
            for (String variable : environment(node).keySet()) {
                if (PROPERTY_PREFIXES.stream().noneMatch(variable::startsWith)) {
                    continue;
                }
                // Spring Boot's relaxed binding: QINGLANG_MAIL_INTAKE_HOST -> qinglang.mail.intake.host
                String property = variable.toLowerCase(Locale.ROOT).replace('_', '.');
                assertThat(canonical.contains(property) || legacy.contains(property)
                        || placeholders.contains(variable))
                        .as("%s of %s: %s is neither a key of application.yaml or application-postgres.yaml, "
                                + "nor a ${%s} they read, nor a known standard property", variable, node, property,
                                variable)
                        .isTrue();
            }
        }
    }

    @Test
    void nodesStartOnceTheDatabaseIsHealthyAndTheMailServerRuns() {
        for (String node : APP_NODES) {
            Map<String, Object> dependsOn = map(service(node).get("depends_on"));
            assertThat(dependsOn).as(node).containsKeys("postgres", "mail");
            assertThat(map(dependsOn.get("postgres"))).as(node).containsEntry("condition", "service_healthy");
        }
    }

    @Test
    void nodesAreBuiltFromTheDockerfile() {
        for (String node : APP_NODES) {
            Map<String, Object> build = map(service(node).get("build"));
            assertThat(build).as(node).containsEntry("context", "..").containsEntry("dockerfile", "docker/Dockerfile");
            assertThat(DOCKER.resolve(String.valueOf(build.get("context")))
                    .resolve(String.valueOf(build.get("dockerfile")))).as(node).isRegularFile();
        }
    }

    @Test
    void nodeHealthchecksAskActuatorHealthOnPort8080() {
        for (String node : APP_NODES) {
            assertThat(healthcheck(node)).as(node).contains("http://localhost:8080/actuator/health");
        }
    }

    @Test
    void postgresHasAHealthcheckAndKeepsItsDataInAVolume() {
        assertThat(healthcheck("postgres")).contains("pg_isready");
        assertThat(list(service("postgres").get("volumes")))
                .anySatisfy(volume -> assertThat(String.valueOf(volume)).endsWith(":/var/lib/postgresql/data"));
        assertThat(String.valueOf(service("postgres").get("image"))).startsWith("postgres:15");
    }

    @Test
    void onlyTheProxyPublishesPort8080() {
        assertThat(publishedPorts("proxy")).contains("8080");
        for (String name : services.keySet()) {
            if (!name.equals("proxy")) {
                assertThat(publishedPorts(name)).as(name).doesNotContain("8080");
            }
        }
        for (String internal : List.of("postgres", "app1", "app2")) {
            assertThat(publishedPorts(internal)).as(internal).isEmpty();
        }
    }

    @Test
    void everyRequiredVariableIsInTheExample() throws IOException {
        String example = read(DOCKER.resolve("env.example"));
        Matcher variable = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(composeText);
        while (variable.find()) {
            assertThat(example).as("docker/env.example").containsPattern("(?m)^" + variable.group(1) + "=");
        }
    }

    // --- nginx.conf ---

    @Test
    void theProxyBalancesBothNodesAndKeepsEachClientOnOne() throws IOException {
        String conf = read(DOCKER.resolve("nginx.conf")).replaceAll("(?m)#.*$", "");
        Matcher upstream = Pattern.compile("upstream\\s+(\\S+)\\s*\\{([^}]*)}").matcher(conf);
        assertThat(upstream.find()).as("an upstream block").isTrue();
        String name = upstream.group(1);
        String body = upstream.group(2);
        List<String> servers = new ArrayList<>();
        Matcher server = Pattern.compile("(?m)^\\s*server\\s+(\\S+?)[\\s;]").matcher(body);
        while (server.find()) {
            servers.add(server.group(1));
        }
        assertThat(servers).containsExactlyInAnyOrder("app1:8080", "app2:8080");
        assertThat(body).containsPattern("(?m)^\\s*ip_hash;");
        assertThat(conf).containsPattern("proxy_pass\\s+http://" + Pattern.quote(name) + "\\s*;");

        assertThat(String.valueOf(service("proxy").get("image"))).startsWith("nginx:");
        assertThat(list(service("proxy").get("volumes")))
                .anySatisfy(volume -> assertThat(String.valueOf(volume)).startsWith("./nginx.conf:/etc/nginx/"));
        Matcher listen = Pattern.compile("listen\\s+(\\d+)").matcher(conf);
        assertThat(listen.find()).isTrue();
        assertThat(list(service("proxy").get("ports")))
                .anySatisfy(port -> assertThat(String.valueOf(port)).endsWith("8080:" + listen.group(1)));
    }

    // --- Dockerfile ---

    @Test
    void theImageExtractsTheLayersOfTheBuiltJar() throws IOException {
        List<List<String[]>> stages = dockerfileStages();
        assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
        List<String[]> first = stages.get(0);
        assertThat(first.get(0)[1]).isEqualToIgnoringCase("eclipse-temurin:17-jre AS layers");
        assertThat(arguments(first, "COPY")).anySatisfy(copy -> assertThat(copy).startsWith("target/qinglang-"));
        // A plain jar with lib/, not the launcher's layout: class data sharing archives classes from jars only.
        assertThat(arguments(first, "RUN")).anySatisfy(run -> assertThat(run)
                .contains("java -Djarmode=tools -jar app.jar extract --layers --destination extracted")
                .doesNotContain("--launcher"));
    }

    @Test
    void theFinalStageCopiesTheLayersInOrder() throws IOException {
        List<String[]> last = finalStage();
        assertThat(last.get(0)[1]).startsWith("eclipse-temurin:17-jre");
        List<String> copied = new ArrayList<>();
        for (String copy : arguments(last, "COPY")) {
            if (copy.startsWith("--from=layers")) {
                Matcher layer = Pattern.compile("/([a-z-]+)/?\\s+\\S+$").matcher(copy);
                assertThat(layer.find()).as(copy).isTrue();
                copied.add(layer.group(1));
            }
        }
        assertThat(copied).containsExactlyElementsOf(LAYERS);
    }

    @Test
    void theImageRunsAsAnUnprivilegedUser() throws IOException {
        List<String> users = arguments(finalStage(), "USER");
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0];
        assertThat(user).isNotIn("root", "0");
        // USER comes before the application starts: after the last RUN, which may need root.
        List<String[]> last = finalStage();
        int userAt = indexOfLast(last, "USER");
        assertThat(indexOfLast(last, "RUN")).isLessThan(userAt);
        assertThat(indexOfLast(last, "ENTRYPOINT")).isGreaterThan(userAt);
    }

    @Test
    void theImageChecksItsHealthExposes8080AndStartsTheJar() throws IOException {
        List<String[]> last = finalStage();
        assertThat(arguments(last, "HEALTHCHECK")).singleElement().satisfies(check -> assertThat(check)
                .contains("CMD").contains("http://localhost:8080/actuator/health"));
        // The health check needs its tool in the image: the base image has no curl.
        String healthTool = arguments(last, "HEALTHCHECK").get(0).replaceAll("^.*CMD\\s+", "").split("\\s+")[0];
        assertThat(arguments(last, "RUN")).anySatisfy(run -> assertThat(run).contains("install")
                .contains(" " + healthTool));
        assertThat(arguments(last, "EXPOSE")).anySatisfy(expose -> assertThat(expose.split("\\s+"))
                .contains("8080"));
        assertThat(arguments(last, "ENV")).anySatisfy(env -> assertThat(env)
                .containsPattern("SPRING_PROFILES_ACTIVE[= ]postgres,prod"));
        assertThat(arguments(last, "ENTRYPOINT")).singleElement().satisfies(entrypoint -> assertThat(entrypoint)
                .isEqualTo("[\"java\", \"-XX:SharedArchiveFile=app.jsa\", \"-jar\", \"app.jar\"]"));
    }

    @Test
    void theImageIsBuiltWithTheClassDataSharingArchiveItStartsWith() throws IOException {
        List<String[]> last = finalStage();
        String entrypoint = arguments(last, "ENTRYPOINT").get(0);
        Matcher archive = Pattern.compile("-XX:SharedArchiveFile=([^\"]+)").matcher(entrypoint);
        assertThat(archive.find()).as(entrypoint).isTrue();
        // The training run writes that archive from the same jar, after the layers are in place and
        // before USER, and exits once the context is built (nothing started, no database of its own).
        int lastCopy = indexOfLast(last, "COPY");
        List<String[]> afterCopies = last.subList(lastCopy + 1, last.size());
        assertThat(arguments(afterCopies, "RUN")).anySatisfy(run -> assertThat(run)
                .contains("java -XX:ArchiveClassesAtExit=" + archive.group(1))
                .contains("-Dspring.context.exit=onRefresh").contains("-jar app.jar")
                .contains("--spring.datasource.url=jdbc:h2:mem:"));
    }

    // --- helpers ---

    static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    static Map<String, Object> yaml(String text) {
        return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    static void flatten(String prefix, Map<String, Object> node, Set<String> keys) {
        for (Map.Entry<String, Object> entry : node.entrySet()) {
            String key = prefix + entry.getKey();
            keys.add(key);
            if (entry.getValue() instanceof Map<?, ?>) {
                flatten(key + ".", map(entry.getValue()), keys);
            }
        }
    }

    static Map<String, Object> service(String name) {
        return map(services.get(name));
    }

    /** The service's environment, whether written as a map or as a list of NAME=value. */
    static Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> values) {
            values.forEach((key, value) -> result.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        } else {
            for (Object item : list(environment)) {
                String[] pair = String.valueOf(item).split("=", 2);
                result.put(pair[0], pair.length > 1 ? pair[1] : null);
            }
        }
        return result;
    }

    static String healthcheck(String name) {
        Object healthcheck = service(name).get("healthcheck");
        assertThat(healthcheck).as("healthcheck of %s", name).isNotNull();
        Object test = map(healthcheck).get("test");
        return test instanceof List<?> parts
                ? parts.stream().map(String::valueOf).collect(Collectors.joining(" "))
                : String.valueOf(test);
    }

    /** Host ports a service publishes: "8080:80", "127.0.0.1:3025:3025" or the long form. */
    static List<String> publishedPorts(String name) {
        List<String> published = new ArrayList<>();
        for (Object port : list(service(name).get("ports"))) {
            if (port instanceof Map<?, ?> longForm) {
                published.add(String.valueOf(longForm.get("published")));
            } else {
                String[] parts = String.valueOf(port).split(":");
                published.add(parts.length == 1 ? parts[0] : parts[parts.length - 2]);
            }
        }
        return published;
    }

    /** Instructions of docker/Dockerfile ({keyword, arguments}), one list per stage. */
    static List<List<String[]>> dockerfileStages() throws IOException {
        String text = read(DOCKER.resolve("Dockerfile"))
                .replaceAll("(?m)^\\s*#.*\\n", "")
                .replaceAll("\\\\\\s*\\n", " ");
        List<List<String[]>> stages = new ArrayList<>();
        for (String line : text.split("\\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            String[] instruction = {parts[0].toUpperCase(Locale.ROOT),
                    parts.length > 1 ? parts[1].replaceAll("\\s+", " ").trim() : ""};
            if (instruction[0].equals("FROM")) {
                stages.add(new ArrayList<>());
            }
            assertThat(stages).as("FROM before %s", trimmed).isNotEmpty();
            stages.get(stages.size() - 1).add(instruction);
        }
        return stages;
    }

    static List<String[]> finalStage() throws IOException {
        List<List<String[]>> stages = dockerfileStages();
        return stages.get(stages.size() - 1);
    }

    static List<String> arguments(List<String[]> stage, String keyword) {
        return stage.stream().filter(instruction -> instruction[0].equals(keyword)).map(instruction -> instruction[1])
                .toList();
    }

    static int indexOfLast(List<String[]> stage, String keyword) {
        for (int i = stage.size() - 1; i >= 0; i--) {
            if (stage.get(i)[0].equals(keyword)) {
                return i;
            }
        }
        return -1;
    }
}
