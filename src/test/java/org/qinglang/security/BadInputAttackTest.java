package org.qinglang.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.casefile.ComplaintRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Ordinary input that used to end in a server error, or lose a complaint. */
@QinglangTest
@AutoConfigureMockMvc
class BadInputAttackTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    static final String PNG = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});

    @Autowired
    TestRestTemplate http;
    @Autowired
    MockMvc mvc;
    @Autowired
    ComplaintRepository complaints;
    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseDriver cases;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private final ObjectMapper json = new ObjectMapper();
    private static int unique;

    private ResponseEntity<String> post(String description, String evidence) {
        String body = """
                {"category": "RUMOUR", "platform": "weiyu-social", "url": "https://weiyu.example/p/long-%d",
                 "description": %s, "reporterType": "CITIZEN",
                 "complainant": {"name": "李女士", "email": "li@mail.example"}, "evidence": %s}
                """.formatted(++unique, json.valueToTree(description).toString(), evidence);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/complaints", new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void aLongComplaintBecomesACaseWithItsWholeText() throws Exception {
        String description = "该谣言称某地发生重大事故，".repeat(500); // 6,000 characters
        ResponseEntity<String> response = post(description, "[{\"fileName\": \"a.png\", \"contentType\": \"image/png\","
                + " \"contentBase64\": \"" + PNG + "\"}]");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = json.readTree(response.getBody()).get("caseNumber").asText();
        assertThat(complaints.findByCaseNumber(caseNumber).orElseThrow().getDescription()).isEqualTo(description);
        cases.runDueJobs(caseNumber);
        Task verify = cases.task(caseNumber, "Task_VerifyComplaint");
        String shown = (String) engine.getTaskService().getVariable(verify.getId(), "description");
        assertThat(shown.length()).isLessThan(4000);
        assertThat(shown).contains("full text in the case file");
    }

    @Test
    void aMissingEvidenceEntryIsNamedNotAServerError() throws Exception {
        ResponseEntity<String> response = post("该账号冒充官方机构发布虚假通知。", "[null]");
        // As every invalid field of the API: 422 naming the field.
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getBody()).contains("evidence[0]");
    }

    @Test
    void aNulByteInAFileNameIsDropped() throws Exception {
        ResponseEntity<String> api = post("该账号冒充官方机构发布虚假通知。", "[{\"fileName\": \"shot\\u0000.png\","
                + " \"contentType\": \"image/png\", \"contentBase64\": \"" + PNG + "\"}]");
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = json.readTree(api.getBody()).get("caseNumber").asText();
        java.util.List<String> names = new org.springframework.transaction.support.TransactionTemplate(transactions)
                .execute(status -> complaints.findByCaseNumber(caseNumber).orElseThrow().getEvidence().stream()
                        .map(e -> e.getFileName()).toList());
        assertThat(names).contains("shot.png").allSatisfy(name -> assertThat(name).doesNotContain("\u0000"));

        MvcResult form = mvc.perform(multipart("/complaints/new")
                .file(new MockMultipartFile("evidence", "截图\u0000.png", "image/png", Base64.getDecoder().decode(PNG)))
                .param("category", "IMPERSONATION").param("reporterType", "CITIZEN").param("platform", "weiyu-social")
                .param("urls", "https://weiyu.example/u/nul-" + ++unique).param("accountName", "假官方")
                .param("description", "冒充官方机构发布虚假通知").param("name", "赵女士")
                .param("email", "zhao@mail.example").param("goodFaith", "true").with(csrf())).andReturn();
        assertThat(form.getResponse().getStatus()).isLessThan(500);

        MvcResult model = mvc.perform(multipart("/models/upload")
                .file(new MockMultipartFile("file", "triage\u0000.dmn", "application/xml",
                        "<definitions/>".getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("manager", "manager")).with(csrf())).andReturn();
        assertThat(model.getResponse().getStatus()).isLessThan(500);
    }

    @Test
    void aFormTextTooLongForTheEngineIsRefusedByName() throws Exception {
        String caseNumber = cases.submit(org.qinglang.casefile.ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/p/note-" + ++unique, "poster").caseNumber();
        cases.runDueJobs(caseNumber);
        Task verify = cases.task(caseNumber, "Task_VerifyComplaint");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        http.withBasicAuth("caseworker", "caseworker").postForEntity("/engine-rest/task/" + verify.getId() + "/claim",
                new HttpEntity<>("{\"userId\":\"caseworker\"}", headers), String.class);
        ResponseEntity<String> response = http.withBasicAuth("caseworker", "caseworker").exchange(
                "/engine-rest/task/" + verify.getId() + "/complete", HttpMethod.POST, new HttpEntity<>(
                        "{\"variables\": {\"verificationOutcome\": {\"value\": \"SUBSTANTIATED\"},"
                                + " \"verificationNote\": {\"value\": \"" + "属实".repeat(2500) + "\"}}}", headers),
                String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("fields").toString()).contains("verificationNote");
        assertThat(cases.task(caseNumber, "Task_VerifyComplaint")).isNotNull();
    }
}
