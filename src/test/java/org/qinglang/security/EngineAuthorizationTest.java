package org.qinglang.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.process.CaseVariables;
import org.qinglang.casefile.ComplaintCategory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The engine's authorization checks, through its REST API as Tasklist, Cockpit and Modeler use it. */
@QinglangTest
class EngineAuthorizationTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseDriver cases;
    @Autowired
    ProcessEngine engine;

    private ResponseEntity<String> deploy(String user, String bpmn) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", "from-modeler");
        body.add("model", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "model.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, user).postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(body, headers), String.class);
    }

    private static String plainProcess(String key) {
        return Bpmn.convertToString(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(30).startEvent()
                .userTask("Task_Do").camundaCandidateGroups("managers").endEvent().done());
    }

    /** Calls /engine-rest/task/{id}{path} as the user (password = user name, as the demo users have). */
    private HttpStatusCode taskCall(String user, HttpMethod method, String taskId, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange("/engine-rest/task/" + taskId + path, method,
                new HttpEntity<>(json, headers), String.class).getStatusCode();
    }

    @Test
    void everyGroupReadsTasksButOnlyTheCandidateGroupWorksThem() {
        String caseNumber = "QL-AUTHZ-" + System.nanoTime();
        String instanceId = engine.getRuntimeService().createProcessInstanceByKey(CaseVariables.PROCESS_KEY)
                .businessKey(caseNumber).setVariable(CaseVariables.CASE_NUMBER, caseNumber)
                .setVariable(CaseVariables.PLATFORM_NAME, "微语社区 Weiyu Social")
                .startBeforeActivity("Task_DecideEnforcement").execute().getId();
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult().getId();

        // The candidate group's right to work the task follows from the task itself: no authorization
        // row per task, so the authorized task query has no row per task to read.
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(taskId).count()).isZero();

        assertThat(taskCall("caseworker", HttpMethod.GET, taskId, "", null)).isEqualTo(HttpStatus.OK);
        assertThat(taskCall("caseworker", HttpMethod.POST, taskId, "/claim", "{\"userId\": \"caseworker\"}"))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(taskCall("caseworker", HttpMethod.POST, taskId, "/complete", "{}")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(taskCall("caseworker", HttpMethod.PUT, taskId, "",
                "{\"name\": \"Decide enforcement\", \"priority\": 10}")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(taskCall("caseworker", HttpMethod.POST, taskId, "/assignee", "{\"userId\": \"caseworker\"}"))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
        // Before anyone claims it, the supervisors' right comes from their being the candidate group.
        assertThat(taskCall("supervisor", HttpMethod.PUT, taskId, "",
                "{\"name\": \"Decide enforcement\", \"priority\": 70}")).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taskCall("supervisor", HttpMethod.POST, taskId, "/claim", "{\"userId\": \"supervisor\"}"))
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee())
                .isEqualTo("supervisor");
        engine.getRuntimeService().deleteProcessInstance(instanceId, "test over");
    }

    @Test
    void caseWorkersSeeTheirTasksButCannotDeployDeleteOrMigrate() {
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/p/authz-" + System.nanoTime(), "poster").caseNumber();
        cases.runDueJobs(caseNumber);
        String processInstanceId = cases.instance(caseNumber).getId();

        ResponseEntity<String> tasks = http.withBasicAuth("caseworker", "caseworker")
                .getForEntity("/engine-rest/task?processInstanceBusinessKey=" + caseNumber, String.class);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.getBody()).contains("Task_VerifyComplaint");

        assertThat(deploy("caseworker", plainProcess("caseworker-process")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("caseworker", "caseworker").exchange("/engine-rest/process-instance/"
                + processInstanceId, HttpMethod.DELETE, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        String migration = """
                {"migrationPlan": {"sourceProcessDefinitionId": "%s", "targetProcessDefinitionId": "%s",
                 "instructions": []}, "processInstanceIds": ["%s"]}""".formatted(
                cases.instance(caseNumber).getProcessDefinitionId(), cases.instance(caseNumber)
                        .getProcessDefinitionId(), processInstanceId);
        assertThat(http.withBasicAuth("caseworker", "caseworker").postForEntity("/engine-rest/migration/execute",
                new HttpEntity<>(migration, json), String.class).getStatusCode().value()).isIn(400, 403);
        assertThat(cases.instance(caseNumber)).isNotNull();

        // The engine answers an unreadable instance as not found.
        assertThat(http.withBasicAuth("caseworker", "caseworker").getForEntity("/engine-rest/process-instance/"
                + processInstanceId, String.class).getStatusCode().value()).isIn(403, 404);
        assertThat(http.withBasicAuth("supervisor", "supervisor").getForEntity("/engine-rest/process-instance/"
                + processInstanceId, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void managersDeployOnlyModelsThatPassValidation() {
        String scripted = Bpmn.convertToString(Bpmn.createExecutableProcess("scripted").camundaHistoryTimeToLive(30)
                .startEvent().scriptTask("Task_Script").scriptFormat("javascript").scriptText("1").endEvent().done());
        ResponseEntity<String> refused = deploy("manager", scripted);
        // The engine's own refusal of a model (ParseException), with a report per file as Modeler shows it.
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("ParseException").contains("Task_Script").contains("script task")
                .contains("脚本任务");

        assertThat(deploy("manager", plainProcess("manager-process-" + System.nanoTime() % 100000)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
