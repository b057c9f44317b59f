package org.qinglang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qinglang.QinglangTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Tasklist, Admin and the welcome page offer Chinese beside English: the running application serves
 * their config.js with both locales and a zh.json that translates every key of the English file
 * that Camunda ships.
 */
@QinglangTest
class TasklistTranslationTest {

    private static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern LOCALES =
            Pattern.compile("availableLocales:\\s*\\[([^\\]]*)\\]\\s*,\\s*fallbackLocale:\\s*'en'");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}");

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "welcome"})
    void configOffersChineseAndKeepsEverythingElseAsShipped(String app) throws IOException {
        ResponseEntity<String> response = http.withBasicAuth("demo", "demo")
                .getForEntity("/camunda/app/" + app + "/scripts/config.js", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        String served = response.getBody();
        Matcher locales = LOCALES.matcher(served);
        assertThat(locales.find()).as("locales in config.js of %s", app).isTrue();
        assertThat(locales.group(1).replaceAll("\\s", "")).isEqualTo("'en','zh'");
        assertThat(served.lines().toList())
                .as("every line of the shipped config.js of %s, in order", app)
                .containsSubsequence(new String(shipped(app + "/scripts/config.js"), StandardCharsets.UTF_8)
                        .lines().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "welcome"})
    void chineseTranslatesEveryKeyOfTheShippedEnglish(String app) throws IOException {
        ResponseEntity<byte[]> response = http.getForEntity("/camunda/app/" + app + "/locales/zh.json", byte[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode zh = json.readTree(response.getBody());
        JsonNode en = json.readTree(shipped(app + "/locales/en.json"));
        assertThat(fieldNames(zh)).isEqualTo(fieldNames(en));
        Map<String, JsonNode> zhValues = flatten(zh);
        Map<String, JsonNode> enValues = flatten(en);
        assertThat(zhValues.keySet()).isEqualTo(enValues.keySet());
        enValues.forEach((key, english) -> {
            JsonNode chinese = zhValues.get(key);
            assertThat(chinese.getNodeType()).as(key).isEqualTo(english.getNodeType());
            if (english.isTextual()) {
                assertThat(chinese.asText().isBlank()).as("%s blank", key).isEqualTo(english.asText().isBlank());
                assertThat(placeholders(chinese.asText())).as("placeholders of %s", key)
                        .isEqualTo(placeholders(english.asText()));
            }
        });
    }

    @Test
    void tasklistSpeaksChinese() throws IOException {
        JsonNode labels = json.readTree(http.getForObject("/camunda/app/tasklist/locales/zh.json", byte[].class))
                .get("labels");

        assertThat(labels.get("COMPLETE").asText()).isEqualTo("完成");
        assertThat(labels.get("ALL_TASKS").asText()).isEqualTo("所有任务");
        assertThat(labels.get("SIGN_OUT_ACTION").asText()).isEqualTo("退出");
    }

    @Test
    void englishStaysAsShipped() throws IOException {
        byte[] served = http.getForObject("/camunda/app/tasklist/locales/en.json", byte[].class);

        assertThat(json.readTree(served)).isEqualTo(json.readTree(shipped("tasklist/locales/en.json")));
    }

    /** The file as Camunda ships it in the webapp jar, not the application's own copy. */
    private static byte[] shipped(String path) throws IOException {
        List<URL> found = Collections.list(
                TasklistTranslationTest.class.getClassLoader().getResources(WEBJAR + path));
        URL webjar = found.stream().filter(url -> url.toString().contains("camunda-webapp-webjar"))
                .findFirst().orElseThrow(() -> new IllegalStateException("not in the webjar: " + path));
        try (InputStream in = webjar.openStream()) {
            return in.readAllBytes();
        }
    }

    private static TreeSet<String> fieldNames(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, JsonNode> flatten(JsonNode root) {
        Map<String, JsonNode> values = new TreeMap<>();
        flatten("", root, values);
        return values;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> values) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(prefix + field.getKey() + ".", field.getValue(), values));
        } else {
            values.put(prefix.substring(0, prefix.length() - 1), node);
        }
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
