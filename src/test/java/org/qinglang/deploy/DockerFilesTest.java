package org.qinglang.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The container deployment in docker/, where no Docker engine runs: the compose file is valid by the
 * Compose Specification's own schema, every setting it passes is one the application reads (Spring
 * ignores a misspelt one without a word), the files agree with each other (mailbox login, proxy
 * upstreams, variables documented), and what keeps it safe holds (only the proxy is published, the
 * image runs unprivileged). {@code DockerComposeIT} builds the image and starts the whole deployment
 * where a Docker engine exists.
 */
class DockerFilesTest {

    static final Path DOCKER = Path.of("docker");
    static final Path RESOURCES = Path.of("src/main/resources");
    static final List<String> APP_NODES = List.of("app1", "app2");
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

    /** The Compose Specification's JSON schema (github.com/compose-spec/compose-spec, Apache-2.0). */
    static final String COMPOSE_SCHEMA = "/docker/compose-spec.json";

    @Test
    void theComposeFileIsValidByTheComposeSpecification() {
        assertThat(composeErrors(yaml(composeText))).isEmpty();
    }

    @Test
    void theValidationCatchesAMisspeltKeyAndAWrongType() {
        Map<String, Object> misspelt = yaml(composeText);
        Map<String, Object> node = map(map(misspelt.get("services")).get("app1"));
        node.put("depend_on", node.remove("depends_on"));
        assertThat(composeErrors(misspelt)).anySatisfy(error -> assertThat(error).contains("depend_on"));

        Map<String, Object> wrongType = yaml(composeText);
        map(map(wrongType.get("services")).get("postgres")).put("healthcheck", "pg_isready");
        assertThat(composeErrors(wrongType)).isNotEmpty();
    }

    static List<String> composeErrors(Map<String, Object> compose) {
        try (var schemaText = DockerFilesTest.class.getResourceAsStream(COMPOSE_SCHEMA)) {
            ObjectMapper json = new ObjectMapper();
            ObjectNode schemaNode = (ObjectNode) json.readTree(schemaText);
            // The file names itself by a relative id, which the validator takes only as a full address.
            schemaNode.put("$id", "https://raw.githubusercontent.com/compose-spec/compose-spec/main/schema/compose-spec.json");
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaNode);
            return schema.validate(json.valueToTree(compose)).stream()
                    .map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
    void theImageInstallsTheToolItsHealthCheckRuns() throws IOException {
        List<String[]> last = finalStage();
        // The base image has no curl: a health check with a missing tool marks every container unhealthy.
        String healthTool = arguments(last, "HEALTHCHECK").get(0).replaceAll("^.*CMD\\s+", "").split("\\s+")[0];
        assertThat(arguments(last, "RUN")).anySatisfy(run -> assertThat(run).contains("install")
                .contains(" " + healthTool));
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
