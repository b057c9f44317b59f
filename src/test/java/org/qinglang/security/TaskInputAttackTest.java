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
import org.qinglang.intake.ComplaintCategory;
import org.qinglang.intake.ComplaintRepository;
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
                        + " \"severity\": {\"value\": \"LOW\"}}}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cases.task(caseNumber, "Task_VerifyComplaint")).isNotNull();

        String severity = (String) engine.getTaskService().getVariable(verify.getId(), "severity");
        assertThat(call("caseworker", HttpMethod.POST, "/engine-rest/task/" + verify.getId() + "/complete", """
                {"variables": {
                  "verificationOutcome": {"value": "SUBSTANTIATED"},
                  "verificationNote": {"value": "属实 Substantiated"},
                  "severity": {"value": "%s"}}}""".formatted(severity)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        cases.runDueJobs(caseNumber);
        assertThat(cases.task(caseNumber, "Task_VerifyComplaint")).isNull();
        assertThat(complaints.findByCaseNumber(caseNumber).orElseThrow().getRectificationDueAt())
                .isBefore(java.time.Instant.now().plus(Duration.ofDays(60)));
    }

    @Test
    void theDecidingSupervisorCannotApproveTheirOwnAnnouncementByRewritingWhoDecided() {
        String caseNumber = newCase("@fake_court_" + System.nanoTime() % 100000);
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "SUBSTANTIATED", "verificationNote", "属实"));
        cases.advance(caseNumber, Duration.ofDays(3).plusMinutes(1));
        cases.complete(caseNumber, "Task_DecideEnforcement", "supervisor", Map.of(
                "enforcementMeasures", List.of("FINE"), "policeReferral", false, "enforcementNote", "罚款",
                "announce", true, "announcementSummary", "该账号假冒法院。Impersonated a court."));
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
        assertThat(claim.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(cases.task(caseNumber, "Task_ApproveAnnouncement").getAssignee()).isNull();
    }
}
