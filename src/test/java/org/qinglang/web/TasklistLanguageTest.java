package org.qinglang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.security.WebappSession;
import org.qinglang.workflow.ModelTexts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Tasklist in one language: a reader whose browser asks for Chinese reads task, process, filter and
 * group names, form labels and choices and the values the system wrote, in Chinese only; one who asks
 * for English reads them in English only. What is stored does not change, and a read-only field sent
 * back as it was shown in either language is accepted but never written.
 */
@QinglangTest
class TasklistLanguageTest {

    private static final Pattern CHINESE = Pattern.compile("[\\u3400-\\u9fff\\u3000-\\u303f\\uff00-\\uffef]");
    /** An English word: letters beyond an abbreviation such as URL or SHA. */
    private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{4,}");
    private static final String CHINESE_READER = "zh-CN,zh;q=0.9,en;q=0.8";
    private static final String ENGLISH_READER = "en-US,en;q=0.9,zh;q=0.8";

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseDriver cases;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ModelTexts modelTexts;
    @Autowired
    org.qinglang.common.BilingualTexts values;
    @Autowired
    org.qinglang.common.Labels labels;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void tasklistReadsEachReaderTheTaskItsFormAndItsValuesInOneLanguage() throws IOException {
        String caseNumber = cases.submit(ComplaintCategory.IMPERSONATION, "shortvideo",
                "https://shortvideo.example/@lang" + System.nanoTime() % 100000, "@lang").caseNumber();
        cases.runDueJobs(caseNumber);
        Task verify = cases.task(caseNumber, "Task_VerifyComplaint");
        WebappSession tasklist = WebappSession.login(http, "tasklist", "caseworker");
        String api = "/camunda/api/engine/engine/default";

        JsonNode zhFilters = read(tasklist, HttpMethod.GET, api + "/filter?resourceType=Task", CHINESE_READER, null);
        JsonNode enFilters = read(tasklist, HttpMethod.GET, api + "/filter?resourceType=Task", ENGLISH_READER, null);
        assertThat(names(zhFilters)).contains("可办任务", "核实队列").noneMatch(n -> ENGLISH_WORD.matcher(n).find());
        assertThat(names(enFilters)).contains("Tasks I may work", "Verification queue")
                .noneMatch(n -> CHINESE.matcher(n).find());
        assertThat(enFilters.get(0).path("properties").path("variables").findValuesAsText("label"))
                .contains("Case", "Platform", "Category", "Severity");

        // The list Tasklist opens: the task's name, its process's name and the values it shows.
        String filterId = enFilters.get(0).get("id").asText();
        String list = api + "/filter/" + filterId + "/list?firstResult=0&maxResults=50";
        JsonNode zhList = read(tasklist, HttpMethod.POST, list, CHINESE_READER, "{}");
        JsonNode enList = read(tasklist, HttpMethod.POST, list, ENGLISH_READER, "{}");
        assertThat(taskIn(zhList, verify).get("name").asText()).isEqualTo("核实举报 " + caseNumber + " · 短视频");
        assertThat(taskIn(enList, verify).get("name").asText()).isEqualTo("Verify complaint " + caseNumber + " · ShortVideo");
        assertThat(names(zhList.path("_embedded").path("processDefinition"))).contains("举报处置");
        assertThat(names(enList.path("_embedded").path("processDefinition"))).contains("Complaint handling");
        assertThat(variable(taskIn(zhList, verify), "categoryLabel")).isEqualTo("假冒仿冒");
        assertThat(variable(taskIn(enList, verify), "categoryLabel")).isEqualTo("Impersonation");
        assertThat(variable(taskIn(zhList, verify), "severityLabel")).isEqualTo("严重");
        assertThat(variable(taskIn(enList, verify), "severityLabel")).isEqualTo("High");

        // The task as Tasklist opens it: the group it is offered to.
        String task = api + "/task/" + verify.getId();
        assertThat(read(tasklist, HttpMethod.GET, task, CHINESE_READER, null).path("_embedded").path("group")
                .findValuesAsText("name")).containsExactly("办案人员");
        assertThat(read(tasklist, HttpMethod.GET, task, ENGLISH_READER, null).path("_embedded").path("group")
                .findValuesAsText("name")).containsExactly("Case workers");

        // The form: labels, texts and choices.
        JsonNode zhForm = read(tasklist, HttpMethod.GET, task + "/deployed-form", CHINESE_READER, null);
        JsonNode enForm = read(tasklist, HttpMethod.GET, task + "/deployed-form", ENGLISH_READER, null);
        assertThat(texts(zhForm)).contains("类别（可更正）", "造谣传谣", "属实").noneMatch(TasklistLanguageTest::hasEnglish);
        assertThat(texts(enForm)).contains("Category (correct if needed)", "Rumours and false information", "Substantiated")
                .noneMatch(t -> CHINESE.matcher(t).find());

        // The values the form shows: labels the system wrote in both languages, choices from a variable.
        JsonNode zhValues = read(tasklist, HttpMethod.GET, task + "/form-variables?deserializeValues=false",
                CHINESE_READER, null);
        JsonNode enValues = read(tasklist, HttpMethod.GET, task + "/form-variables?deserializeValues=false",
                ENGLISH_READER, null);
        assertThat(zhValues.at("/accountHistory/value").asText()).contains("账号既往违规：0").doesNotContain("Prior");
        assertThat(enValues.at("/accountHistory/value").asText()).contains("Prior violations of the account: 0")
                .doesNotContain("账号");
        assertThat(enValues.at("/platformName/value").asText()).isEqualTo("ShortVideo");
        // What each piece of evidence is, as a label in the reader's language, never its code.
        assertThat(zhValues.at("/evidenceSummary/value").asText()).contains("举报正文\n  ").doesNotContain("SUBMITTED_TEXT", "Complaint text");
        assertThat(enValues.at("/evidenceSummary/value").asText()).contains("Complaint text\n  ").doesNotContain("举报正文");
        assertThat(json.readTree(enValues.at("/platformOptions/value").asText()).findValuesAsText("label"))
                .contains("ShortVideo").noneMatch(l -> CHINESE.matcher(l).find());
        assertThat(json.readTree(zhValues.at("/platformOptions/value").asText()).findValuesAsText("label"))
                .contains("短视频").noneMatch(TasklistLanguageTest::hasEnglish);
        assertThat(enValues.at("/responsibleOffice/value").asText()).doesNotMatch(".*[\\u3400-\\u9fff].*");
        assertThat(zhValues.at("/description/value").asText()).isEqualTo(enValues.at("/description/value").asText());

        // The diagram Tasklist and Cockpit draw.
        String definition = api + "/process-definition/" + verify.getProcessDefinitionId() + "/xml";
        assertThat(read(tasklist, HttpMethod.GET, definition, ENGLISH_READER, null).get("bpmn20Xml").asText())
                .contains("name=\"Verify complaint ${caseNumber} · ${platformName}\"").doesNotContain("name=\"核实举报");
        assertThat(read(tasklist, HttpMethod.GET, definition, CHINESE_READER, null).get("bpmn20Xml").asText())
                .contains("name=\"核实举报 ${caseNumber} · ${platformName}\"");

        // The engine REST API for clients answers as the engine holds it.
        assertThat(http.withBasicAuth("caseworker", "caseworker").getForObject("/engine-rest/task/" + verify.getId(),
                String.class)).contains("核实举报 " + caseNumber + " · 短视频 ShortVideo");

        // Tasklist sends the read-only fields back as it showed them, in English here: accepted, not written.
        HttpHeaders asJson = new HttpHeaders();
        asJson.setContentType(MediaType.APPLICATION_JSON);
        assertThat(tasklist.call(HttpMethod.POST, task + "/claim", new HttpEntity<>("{\"userId\":\"caseworker\"}", asJson))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String severity = (String) engine.getTaskService().getVariable(verify.getId(), "severityLabel");
        String office = enValues.at("/responsibleOffice/value").asText();
        String history = enValues.at("/accountHistory/value").asText();
        ResponseEntity<String> changed = submit(tasklist, task, "Low", office, history);
        assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        // Refused in the reader's language only, as Tasklist shows it.
        assertThat(changed.getBody()).contains("severityLabel", "may not be changed").doesNotContain("以下字段");
        ResponseEntity<String> submitted = submit(tasklist, task, "High", office, history);
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(verify.getProcessInstanceId()).variableName("severityLabel").singleResult()
                .getValue()).isEqualTo(severity).isEqualTo("严重 High");
    }

    private ResponseEntity<String> submit(WebappSession tasklist, String task, String severityShown, String office,
            String history) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, ENGLISH_READER);
        var variables = json.createObjectNode();
        variables.putObject("verificationOutcome").put("value", "SUBSTANTIATED");
        variables.putObject("verificationNote").put("value", "Confirmed");
        variables.putObject("severityLabel").put("value", severityShown);
        variables.putObject("responsibleOffice").put("value", office);
        variables.putObject("accountHistory").put("value", history);
        String body = json.writeValueAsString(json.createObjectNode().set("variables", variables));
        return tasklist.call(HttpMethod.POST, task + "/submit-form", new HttpEntity<>(body, headers));
    }

    /** Values written in both languages read as one; anything else, such as what a complainant wrote, stays. */
    @Test
    void aValueWrittenInBothLanguagesReadsInOneAndOtherTextsStayAsTheyAre() {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        Locale en = Locale.ENGLISH;
        assertThat(values.in(zh, null, "严重 High")).isEqualTo("严重");
        assertThat(values.in(en, null, "严重 High")).isEqualTo("High");
        assertThat(values.in(en, null, "短视频 ShortVideo")).isEqualTo("ShortVideo");
        String measures = labels.measureList(List.of("CLOSE_ACCOUNT", "CLEAR_FOLLOWERS"));
        assertThat(values.in(zh, null, measures)).isEqualTo("- 关闭账号\n- 清空粉丝");
        assertThat(values.in(en, null, measures)).doesNotContainPattern("[\\u3400-\\u9fff]").startsWith("- ")
                .contains("\n- ");
        // A message whose halves quote different texts: each half its own.
        String line = labels.bilingual("register.history.line", locale -> new Object[] {"QL-2026-000009",
                labels.get("category.IMPERSONATION", locale), labels.get("severity.HIGH", locale),
                java.util.Date.from(java.time.Instant.parse("2026-11-30T04:00:00Z"))});
        assertThat(values.in(zh, null, line)).isEqualTo("QL-2026-000009 假冒仿冒，严重程度严重，2026-11-30登记");
        assertThat(values.in(en, null, line)).isEqualTo("QL-2026-000009 Impersonation, severity High, recorded 2026-11-30");
        // The office a decision table routes to, by its two halves; only for that variable.
        assertThat(values.in(en, "responsibleOffice", "上海市委网信办 Shanghai CAC")).isEqualTo("Shanghai CAC");
        assertThat(values.in(zh, "responsibleOffice", "上海市委网信办 Shanghai CAC")).isEqualTo("上海市委网信办");
        assertThat(values.in(en, "accountName", "张三 Zhang")).isEqualTo("张三 Zhang");
        // Who decided, by name rather than user id.
        assertThat(values.in(zh, "enforcementDecidedBy", "supervisor")).isEqualTo("Fang Wang");
        assertThat(values.in(zh, "enforcementDecidedBy", "someone-unknown")).isEqualTo("someone-unknown");
        // A platform's report as the system puts it together: the labels in one language, the platform's words kept.
        String report = labels.bilingual("platform-report.measures") + ":\n✓ " + labels.measure("CLEAR_FOLLOWERS")
                + " · 2026-01-02 09:30 UTC+8 · 已清空 cleared · " + labels.bilingual("casefile.evidence")
                + ": CLEAR_FOLLOWERS-proof.png\n\n账号已关闭 Account closed";
        assertThat(values.in(zh, "platformResponseText", report)).isEqualTo("逐项执行情况：\n✓ 清空粉丝 · 2026-01-02 09:30 UTC+8"
                + " · 已清空 cleared · 证据：CLEAR_FOLLOWERS-proof.png\n\n账号已关闭 Account closed");
        assertThat(values.in(en, "platformResponseText", report)).isEqualTo("Measures:\n✓ Clear the follower count"
                + " · 2026-01-02 09:30 UTC+8 · 已清空 cleared · Evidence: CLEAR_FOLLOWERS-proof.png\n\n账号已关闭 Account closed");
        // What people wrote is theirs, even with a label inside it.
        String written = "该账号 严重 High 违规，请核实";
        assertThat(values.in(en, "description", written)).isEqualTo(written);
        String writtenInParts = "严重 High · 请核实 please check";
        assertThat(values.in(en, "description", writtenInParts)).isEqualTo(writtenInParts);
        // A long text with every literal of a pattern in it is read as text, not tried as a label.
        String longText = ("QL-1 x，严重程度y，z登记 QL-1 x, severity y, recorded z ").repeat(400);
        assertThat(values.in(en, "description", longText)).isEqualTo(longText);
        assertThat(values.in(zh, null, null)).isNull();
    }

    /** Every form and every process model of the repository has its English, and its Chinese has no English. */
    @Test
    void everyModelTextHasItsEnglishAndTheChineseHasNone() throws IOException {
        List<Path> forms;
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            forms = files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
        }
        assertThat(forms).hasSizeGreaterThanOrEqualTo(7);
        for (Path form : forms) {
            JsonNode chinese = json.readTree(form.toFile());
            assertThat(texts(chinese)).as(form.toString()).isNotEmpty().noneMatch(TasklistLanguageTest::hasEnglish);
            JsonNode english = chinese.deepCopy();
            modelTexts.form(english, Locale.ENGLISH);
            assertThat(texts(english)).as(form.toString()).noneMatch(t -> CHINESE.matcher(t).find());
        }
        List<Path> processes;
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            processes = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
        for (Path process : processes) {
            BpmnModelInstance model = Bpmn.readModelFromFile(process.toFile());
            List<String> untranslated = new ArrayList<>();
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                if (element.getName() == null || element.getName().isBlank()) {
                    continue;
                }
                assertThat(hasEnglish(element.getName())).as(element.getId() + " " + element.getName()).isFalse();
                boolean english = element.getExtensionElements() != null && element.getExtensionElements()
                        .getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
                        .list().stream().flatMap(p -> p.getCamundaProperties().stream())
                        .anyMatch(p -> "en.name".equals(p.getCamundaName()) && !CHINESE.matcher(p.getCamundaValue()).find());
                if (!english) {
                    untranslated.add(element.getId());
                }
            }
            assertThat(untranslated).as(process + ": named without an English name").isEmpty();
            assertThat(model.getModelElementsByType(CamundaProperty.class)).isNotEmpty();
        }
    }

    /** Whether a text meant for Chinese readers holds English words (links' targets and expressions aside). */
    private static boolean hasEnglish(String text) {
        String shown = text.replaceAll("\\]\\([^)]*\\)", "]").replaceAll("[$#]\\{[^}]*}", "").replaceAll("\\{\\{[^}]*}}", "");
        return ENGLISH_WORD.matcher(shown).find();
    }

    private JsonNode read(WebappSession session, HttpMethod method, String path, String languages, String body)
            throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, languages);
        headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json"), MediaType.APPLICATION_JSON));
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        ResponseEntity<String> answer = session.call(method, path, new HttpEntity<>(body, headers));
        assertThat(answer.getStatusCode()).as(path + " " + answer.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody());
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    private static JsonNode taskIn(JsonNode list, Task task) {
        for (JsonNode item : list.path("_embedded").path("task")) {
            if (item.path("id").asText().equals(task.getId())) {
                return item;
            }
        }
        throw new AssertionError("task " + task.getId() + " not in the list");
    }

    private static String variable(JsonNode task, String name) {
        for (JsonNode variable : task.path("_embedded").path("variable")) {
            if (variable.path("name").asText().equals(name)) {
                return variable.path("value").asText();
            }
        }
        throw new AssertionError("no variable " + name);
    }

    /** What a form shows: every label, text, description and choice. */
    private static List<String> texts(JsonNode form) {
        List<String> texts = new ArrayList<>();
        for (JsonNode component : form.path("components")) {
            for (String attribute : List.of("label", "text", "description", "placeholder")) {
                if (component.path(attribute).isTextual()) {
                    texts.add(component.get(attribute).asText());
                }
            }
            component.path("values").forEach(value -> texts.add(value.path("label").asText()));
            texts.addAll(texts(component));
        }
        return texts;
    }
}
