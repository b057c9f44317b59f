package org.qinglang.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ComplaintRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Case workers and supervisors attacking their own tasks through the engine REST API, as Tasklist calls it. */
@QinglangTest
class TaskInputAttackTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseDriver cases;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ComplaintRepository complaints;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    private String newCase(String account) {
        String caseNumber = cases.submit(ComplaintCategory.IMPERSONATION, "shortvideo",
                "https://shortvideo.example/" + account, account).caseNumber();
        cases.runDueJobs(caseNumber);
        return caseNumber;
    }

    /** A substantiated case whose missed deadline "supervisor" decided, announcement included: it awaits approval. */
    private String decidedBySupervisorForAnnouncement(String accountPrefix) {
        String caseNumber = newCase(accountPrefix + System.nanoTime() % 100000);
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "SUBSTANTIATED", "verificationNote", "属实"));
        cases.advance(caseNumber, Duration.ofDays(3).plusMinutes(1));
        cases.complete(caseNumber, "Task_DecideEnforcement", "supervisor", Map.of(
                "enforcementMeasures", List.of("FINE"), "fineAmount", 10000L, "policeReferral", false,
                "enforcementNote", "罚款",
                "announce", true, "announcementSummary", "该账号假冒官方机构。Impersonated an authority."));
        return caseNumber;
    }

    @Test
    void verificationAcceptsOnlyItsFormsFields() {
        String caseNumber = newCase("@fake_police_" + System.nanoTime() % 100000);
        Task verify = cases.task(caseNumber, "Task_VerifyComplaint");
        assertThat(call("caseworker", HttpMethod.POST, "/engine-rest/task/" + verify.getId() + "/claim",
                "{\"userId\":\"caseworker\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        // No police referral and a ten-year deadline, smuggled in beside the form's fields.
        ResponseEntity<String> smuggled = call("caseworker", HttpMethod.POST,
                "/engine-rest/task/" + verify.getId() + "/complete", """
                {"variables": {
                  "verificationOutcome": {"value": "SUBSTANTIATED"},
                  "verificationNote": {"value": "属实"},
                  "criminalLead": {"value": false},
                  "rectificationDeadline": {"value": "P3650D"}}}""");
        assertThat(smuggled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(smuggled.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(smuggled.getBody()).contains("criminalLead").contains("rectificationDeadline");
        // The same through the other doors: a trailing slash, the engine's name, submit-form, the variables API.
        for (String path : List.of("/complete/", "/submit-form", "/resolve")) {
            assertThat(call("caseworker", HttpMethod.POST, "/engine-rest/engine/default/task/" + verify.getId() + path,
                    "{\"variables\": {\"criminalLead\": {\"value\": false}}}").getStatusCode()).as(path)
                    .isEqualTo(HttpStatus.BAD_REQUEST);
        }
        assertThat(call("caseworker", HttpMethod.PUT, "/engine-rest/task/" + verify.getId()
                + "/variables/criminalLead", "{\"value\": false, \"type\": \"Boolean\"}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("caseworker", HttpMethod.POST, "/engine-rest/task/" + verify.getId() + "/variables",
                "{\"modifications\": {\"criminalLead\": {\"value\": false}}}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // A read-only field sent back changed is refused too.
        assertThat(call("caseworker", HttpMethod.POST, "/engine-rest/task/" + verify.getId() + "/complete",
                "{\"variables\": {\"verificationOutcome\": {\"value\": \"SUBSTANTIATED\"},"
                        + " \"severityLabel\": {\"value\": \"一般 Low\"}}}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cases.task(caseNumber, "Task_VerifyComplaint")).isNotNull();

        String severity = (String) engine.getTaskService().getVariable(verify.getId(), "severityLabel");
        assertThat(severity).isEqualTo("严重 High"); // as people read it, not the code
        assertThat(call("caseworker", HttpMethod.POST, "/engine-rest/task/" + verify.getId() + "/complete", """
                {"variables": {
                  "verificationOutcome": {"value": "SUBSTANTIATED"},
                  "verificationNote": {"value": "属实 Substantiated"},
                  "severityLabel": {"value": "%s"}}}""".formatted(severity)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        cases.runDueJobs(caseNumber);
        assertThat(cases.task(caseNumber, "Task_VerifyComplaint")).isNull();
        assertThat(complaints.findByCaseNumber(caseNumber).orElseThrow().getRectificationDueAt())
                .isBefore(java.time.Instant.now().plus(Duration.ofDays(60)));
    }

    @Test
    void theTasklistSessionCannotSmuggleFieldsEither() {
        String caseNumber = newCase("@fake_tax_" + System.nanoTime() % 100000);
        Task verify = cases.task(caseNumber, "Task_VerifyComplaint");
        WebappSession tasklist = WebappSession.login(http, "tasklist", "caseworker");
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        String taskPath = "/camunda/api/engine/engine/default/task/" + verify.getId();
        assertThat(tasklist.call(HttpMethod.POST, taskPath + "/claim",
                new HttpEntity<>("{\"userId\":\"caseworker\"}", json)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> smuggled = tasklist.call(HttpMethod.POST, taskPath + "/submit-form", new HttpEntity<>(
                "{\"variables\": {\"verificationOutcome\": {\"value\": \"SUBSTANTIATED\"},"
                        + " \"criminalLead\": {\"value\": false}}}", json));
        assertThat(smuggled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(smuggled.getBody()).contains("criminalLead");
        assertThat(tasklist.call(HttpMethod.POST, taskPath + "/submit-form", new HttpEntity<>(
                "{\"variables\": {\"verificationOutcome\": {\"value\": \"SUBSTANTIATED\"},"
                        + " \"verificationNote\": {\"value\": \"属实\"}}}", json)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aChoiceAcceptsOnlyTheValuesItOffers() {
        String caseNumber = newCase("@fake_bank_" + System.nanoTime() % 100000);
        Task verify = cases.task(caseNumber, "Task_VerifyComplaint");
        call("caseworker", HttpMethod.POST, "/engine-rest/task/" + verify.getId() + "/claim",
                "{\"userId\":\"caseworker\"}");
        for (String variables : List.of("{\"verificationOutcome\": {\"value\": \"CLOSED_QUIETLY\"}}",
                "{\"verificationOutcome\": {\"value\": \"UNFOUNDED\"}, \"platformCode\": {\"value\": \"nowhere\"}}")) {
            assertThat(call("caseworker", HttpMethod.POST, "/engine-rest/task/" + verify.getId() + "/complete",
                    "{\"variables\": " + variables + "}").getStatusCode()).as(variables)
                    .isEqualTo(HttpStatus.BAD_REQUEST);
        }
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "SUBSTANTIATED", "verificationNote", "属实"));
        cases.advance(caseNumber, Duration.ofDays(3).plusMinutes(1));
        Task decide = cases.task(caseNumber, "Task_DecideEnforcement");
        call("supervisor", HttpMethod.POST, "/engine-rest/task/" + decide.getId() + "/claim",
                "{\"userId\":\"supervisor\"}");
        // A ten-year "further deadline" the select does not offer, and a measure the checklist does not list.
        assertThat(call("supervisor", HttpMethod.POST, "/engine-rest/task/" + decide.getId() + "/complete", """
                {"variables": {"enforcementMeasures": {"value": "[\\"FINE\\"]", "type": "Json"},
                               "furtherDeadline": {"value": "P3650D"}, "enforcementNote": {"value": "x"}}}""")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(call("supervisor", HttpMethod.POST, "/engine-rest/task/" + decide.getId() + "/complete", """
                {"variables": {"enforcementMeasures": {"value": "[\\"FINE\\", \\"DELETE_PLATFORM\\"]", "type": "Json"},
                               "enforcementNote": {"value": "x"}}}""").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cases.task(caseNumber, "Task_DecideEnforcement")).isNotNull();
    }

    @Test
    void tasklistSaysARuleRefusalAsOne() {
        String caseNumber = decidedBySupervisorForAnnouncement("@fake_customs_");
        Task approval = cases.task(caseNumber, "Task_ApproveAnnouncement");
        ResponseEntity<String> claim = claimInTasklist(approval, "supervisor", null);
        assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(claim.getBody()).contains("双人复核：supervisor 作出了处置决定").doesNotContain("Four-eyes");
        // In the reader's language only: Tasklist shows the reason as it comes.
        ResponseEntity<String> inEnglish = claimInTasklist(approval, "supervisor", java.util.Locale.ENGLISH);
        assertThat(inEnglish.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(inEnglish.getBody()).contains("Four-eyes rule: supervisor decided the enforcement").doesNotContain("双人复核");
        assertThat(cases.task(caseNumber, "Task_ApproveAnnouncement").getAssignee()).isNull();
    }

    @Test
    void aCaseWorkerClaimingASupervisorsTaskIsToldWhyInTheirLanguage() {
        String caseNumber = decidedBySupervisorForAnnouncement("@fake_port_");
        Task approval = cases.task(caseNumber, "Task_ApproveAnnouncement");
        ResponseEntity<String> claim = claimInTasklist(approval, "caseworker", null);
        assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(claim.getBody()).contains("此任务属于其他岗位").doesNotContain("permission");
        assertThat(claimInTasklist(approval, "caseworker", java.util.Locale.ENGLISH).getBody())
                .contains("belongs to another group");
        assertThat(cases.task(caseNumber, "Task_ApproveAnnouncement").getAssignee()).isNull();
    }

    /** A claim as Tasklist sends it, logged in as this user, in this language (none: no Accept-Language). */
    private ResponseEntity<String> claimInTasklist(Task task, String user, java.util.Locale language) {
        WebappSession tasklist = WebappSession.login(http, "tasklist", user);
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        if (language != null) {
            json.setAcceptLanguageAsLocales(java.util.List.of(language));
        }
        return tasklist.call(HttpMethod.POST, "/camunda/api/engine/engine/default/task/" + task.getId() + "/claim",
                new HttpEntity<>("{\"userId\":\"" + user + "\"}", json));
    }

    @Test
    void theDecidingSupervisorCannotApproveTheirOwnAnnouncementByRewritingWhoDecided() {
        String caseNumber = decidedBySupervisorForAnnouncement("@fake_court_");
        Task approval = cases.task(caseNumber, "Task_ApproveAnnouncement");
        assertThat(approval).isNotNull();

        assertThat(call("supervisor", HttpMethod.PUT, "/engine-rest/task/" + approval.getId()
                + "/variables/enforcementDecidedBy", "{\"value\": \"supervisor2\", \"type\": \"String\"}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // Even where the copy shown on the form is changed (a manager may change case variables in
        // Cockpit), the rule reads who decided from the case file.
        engine.getRuntimeService().setVariable(approval.getProcessInstanceId(), "enforcementDecidedBy", "supervisor2");
        ResponseEntity<String> claim = call("supervisor", HttpMethod.POST,
                "/engine-rest/task/" + approval.getId() + "/claim", "{\"userId\":\"supervisor\"}");
        // A refusal by the rule, said as one: 403 with the reason, not a server error.
        assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(claim.getBody()).contains("Four-eyes").contains("双人复核");
        assertThat(cases.task(caseNumber, "Task_ApproveAnnouncement").getAssignee()).isNull();
    }

    private void verifyAs(String user, String caseNumber, String variablesJson) {
        Task verify = cases.task(caseNumber, "Task_VerifyComplaint");
        assertThat(call(user, HttpMethod.POST, "/engine-rest/task/" + verify.getId() + "/claim",
                "{\"userId\":\"" + user + "\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(call(user, HttpMethod.POST, "/engine-rest/task/" + verify.getId() + "/complete",
                "{\"variables\": " + variablesJson + "}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** The complainant's name as the staff case list shows it to the user (null when hidden). */
    private String complainantShownTo(String user, String caseNumber) throws Exception {
        com.fasterxml.jackson.databind.JsonNode list = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                call(user, HttpMethod.GET, "/api/complaints?size=100", null).getBody());
        for (com.fasterxml.jackson.databind.JsonNode c : list.get("content")) {
            if (c.get("caseNumber").asText().equals(caseNumber)) {
                return c.path("complainantName").isMissingNode() || c.get("complainantName").isNull() ? null
                        : c.get("complainantName").asText();
            }
        }
        throw new AssertionError(caseNumber + " not in the list");
    }

    @Test
    void reroutingABeijingCaseToShanghaiShowsItsComplainantToNobodyNew() throws Exception {
        // A Beijing case: the Shanghai case worker may work it but not see who complained.
        String kept = cases.submit(ComplaintCategory.RUMOUR, "kuaikan-toutiao",
                "https://kuaikan-toutiao.example/a/reroute-" + System.nanoTime(), "poster").caseNumber();
        cases.runDueJobs(kept);
        assertThat(complainantShownTo("caseworker-sh", kept)).isNull();

        // Another platform for the same link: the link decides, the platform becomes "unregistered".
        verifyAs("caseworker-sh", kept, "{\"platformCode\": {\"value\": \"shortvideo\"},"
                + " \"verificationOutcome\": {\"value\": \"UNFOUNDED\"}}");
        assertThat(complaints.findByCaseNumber(kept).orElseThrow().getPlatformCode()).isEqualTo("unregistered");
        assertThat(complainantShownTo("caseworker-sh", kept)).isNull();

        // Platform and link both changed to Shanghai's: the case moves, its mover still sees nothing.
        String moved = cases.submit(ComplaintCategory.RUMOUR, "kuaikan-toutiao",
                "https://kuaikan-toutiao.example/a/reroute-" + System.nanoTime(), "poster").caseNumber();
        cases.runDueJobs(moved);
        verifyAs("caseworker-sh", moved, "{\"platformCode\": {\"value\": \"shortvideo\"},"
                + " \"contentUrl\": {\"value\": \"https://shortvideo.example/v/" + System.nanoTime() + "\"},"
                + " \"verificationOutcome\": {\"value\": \"UNFOUNDED\"}}");
        assertThat(complaints.findByCaseNumber(moved).orElseThrow().getResponsibleOffice()).contains("Shanghai");
        assertThat(complainantShownTo("caseworker-sh", moved)).isNull();
        assertThat(complainantShownTo("caseworker", moved)).isEqualTo("王先生");
    }
}
