package org.qinglang.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.workflow.ModelsRefusedByEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Attacks on the model sandbox through the doors a deployment or an expression reaches the engine by:
 * the engine REST API under every path, the webapps' own API with a Cockpit session, Java, and stored
 * task filters. Each payload would run a command that creates a file, or make the manager an
 * administrator; none may.
 */
@QinglangTest
class ModelSandboxAttackTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @TempDir
    Path temp;

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    IdentityService identityService;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    /** A JUEL expression that runs {@code touch marker} on the server if it is ever evaluated unsandboxed. */
    private static String exec(Path marker) {
        return "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
                + ".exec('touch " + marker + "')}";
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("'", "&apos;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    /** The triage severity table, with a JUEL input expression: the deployment check used to evaluate it. */
    private static String triageTableRunning(String juel) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" \
                xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_evil" name="evil" namespace="x">
                  <decision id="triage-severity" name="severity" camunda:historyTimeToLive="30">
                    <decisionTable id="Table_evil" hitPolicy="FIRST">
                      <input id="Input_evil" label="x">
                        <inputExpression id="InputExpression_evil" typeRef="string" expressionLanguage="juel">
                          <text>%s</text>
                        </inputExpression>
                      </input>
                      <output id="Output_severity" name="severity" typeRef="string"/>
                      <rule id="Rule_evil">
                        <inputEntry id="In_evil"><text/></inputEntry>
                        <outputEntry id="Out_evil"><text>"HIGH"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(xmlEscape(juel));
    }

    private static HttpEntity<MultiValueMap<String, Object>> upload(String fileName, String content) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", "attack");
        body.add("model", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }

    private ResponseEntity<String> deploy(String user, String path, String fileName, String content) {
        return http.withBasicAuth(user, user).postForEntity(path, upload(fileName, content), String.class);
    }

    @Test
    void aCaseWorkersDecisionTableIsNeverEvaluated() {
        Path marker = temp.resolve("case-worker-ran-code");
        ResponseEntity<String> response = deploy("caseworker", "/engine-rest/deployment/create", "triage.dmn",
                triageTableRunning(exec(marker)));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aManagersJuelDecisionTableIsRefusedUnevaluated() {
        Path marker = temp.resolve("manager-ran-code");
        ResponseEntity<String> response = deploy("manager", "/engine-rest/deployment/create", "triage.dmn",
                triageTableRunning(exec(marker)));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("InputExpression_evil").contains("FEEL").contains("juel");
        assertThat(marker).doesNotExist();
    }

    @Test
    void everyPathToTheDeploymentApiValidates() {
        for (String path : List.of("/engine-rest/deployment/create/", "/engine-rest/engine/default/deployment/create",
                "/engine-rest/engine/default/deployment/create/", "/engine-rest//deployment/create")) {
            String key = "scripted" + Math.abs(path.hashCode());
            String scripted = Bpmn.convertToString(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(30)
                    .startEvent().scriptTask("Task_Script").scriptFormat("groovy").scriptText("1").endEvent().done());
            ResponseEntity<String> response = deploy("manager", path, "scripted.bpmn", scripted);
            assertThat(response.getStatusCode()).as(path).isIn(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND);
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).as(path)
                    .isZero();
        }
    }

    @Test
    void theWebappsOwnApiValidatesToo() {
        WebappSession cockpit = WebappSession.login(http, "cockpit", "manager");
        String key = "scriptedThroughCockpit";
        String scripted = Bpmn.convertToString(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(30)
                .startEvent().scriptTask("Task_Script").scriptFormat("groovy").scriptText("1").endEvent().done());
        ResponseEntity<String> response = cockpit.call(HttpMethod.POST,
                "/camunda/api/engine/engine/default/deployment/create", upload("scripted.bpmn", scripted));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("Task_Script");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    @Test
    void javaDeploymentsAreValidatedByTheEngine() {
        String scripted = Bpmn.convertToString(Bpmn.createExecutableProcess("scriptedFromJava")
                .camundaHistoryTimeToLive(30).startEvent().scriptTask("Task_Script").scriptFormat("groovy")
                .scriptText("1").endEvent().done());
        assertThatThrownBy(() -> repositoryService.createDeployment().addString("scripted.bpmn", scripted).deploy())
                .isInstanceOf(ModelsRefusedByEngine.class).hasMessageContaining("Task_Script");
    }

    @Test
    void aManagerCannotReachTheEngineThroughAnyExpression() {
        String grant = "${execution.getProcessEngineServices().getIdentityService()"
                + ".createMembership('manager', 'camunda-admin')}";
        List<String> models = List.of(
                Bpmn.convertToString(Bpmn.createExecutableProcess("p1").camundaHistoryTimeToLive(30).startEvent()
                        .serviceTask("Task_Grant").camundaExpression(grant).endEvent().done()),
                Bpmn.convertToString(Bpmn.createExecutableProcess("p2").camundaHistoryTimeToLive(30).startEvent()
                        .exclusiveGateway("Gateway_Grant").condition("c", grant).endEvent().moveToLastGateway()
                        .condition("d", "${true}").endEvent().done()),
                Bpmn.convertToString(Bpmn.createExecutableProcess("p3").camundaHistoryTimeToLive(30).startEvent()
                        .userTask("Task_Mapped").camundaCandidateGroups("managers").camundaInputParameter("x", grant)
                        .endEvent().done()),
                Bpmn.convertToString(Bpmn.createExecutableProcess("p4").camundaHistoryTimeToLive(30).startEvent()
                        .timerWithDuration(grant).endEvent().done()),
                Bpmn.convertToString(Bpmn.createExecutableProcess("p5").camundaHistoryTimeToLive(30).startEvent()
                        .userTask("Task_Assigned").camundaAssignee("${''.getClass().getName()}").endEvent().done()),
                Bpmn.convertToString(Bpmn.createExecutableProcess("p6").camundaHistoryTimeToLive(30).startEvent()
                        .userTask("Task_Due").camundaCandidateGroups("managers").camundaDueDate("${dateTime()}")
                        .endEvent().done()));
        for (String model : models) {
            ResponseEntity<String> response = deploy("manager", "/engine-rest/deployment/create", "attack.bpmn", model);
            assertThat(response.getStatusCode()).as(model).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody()).contains("not allowed").contains("不允许");
        }
        String listenerField = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="x">
                  <bpmn:process id="p7" isExecutable="true" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="Start">
                      <bpmn:extensionElements>
                        <camunda:executionListener event="start" delegateExpression="${sendPlatformNotice}">
                          <camunda:field name="x"><camunda:expression>%s</camunda:expression></camunda:field>
                        </camunda:executionListener>
                      </bpmn:extensionElements>
                    </bpmn:startEvent>
                    <bpmn:callActivity id="Call_Mapped" calledElement="p1" camunda:variableMappingClass="org.x.Evil"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(xmlEscape(grant));
        ResponseEntity<String> response = deploy("manager", "/engine-rest/deployment/create", "attack.bpmn",
                listenerField);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("Start").contains("Call_Mapped").contains("variableMappingClass");
        assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").userId("manager").count()).isZero();
    }

    @Test
    void feelCannotReachJavaEither() {
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" \
                xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_feel" name="feel" namespace="x">
                  <decision id="feel-external" name="external" camunda:historyTimeToLive="30">
                    <variable id="Variable_external" name="result"/>
                    <literalExpression id="Literal_external">
                      <text>{f: function(k, v) external {java: {class: "java.lang.System", \
                method signature: "setProperty(java.lang.String, java.lang.String)"}}, r: f("qinglang.feel.reached", "yes")}.r</text>
                    </literalExpression>
                  </decision>
                </definitions>
                """;
        ResponseEntity<String> refused = deploy("manager", "/engine-rest/deployment/create", "feel.dmn", dmn);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Literal_external").contains("external");
        // Had it been deployed, the engine's FEEL would not have called Java: external functions are off.
        org.camunda.bpm.dmn.feel.impl.FeelEngine feel = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                engine.getProcessEngineConfiguration()).getDmnEngineConfiguration().getFeelEngine();
        String call = dmn.substring(dmn.indexOf("<text>") + 6, dmn.indexOf("</text>")).replace("&quot;", "\"");
        assertThatThrownBy(() -> feel.evaluateSimpleExpression(call,
                org.camunda.bpm.engine.variable.Variables.emptyVariableContext()))
                .hasMessageContaining("External functions are disabled");
        assertThat(System.getProperty("qinglang.feel.reached")).isNull();
    }

    @Test
    void processVersionsDeployedBeforeTheSandboxStillRun() {
        // Their due dates read dateTime().plusDays(n).toDate(); nothing else of that date can be called.
        org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration =
                (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        org.camunda.bpm.engine.impl.el.ExpressionManager expressions = configuration.getExpressionManager();
        Object due = configuration.getCommandExecutorTxRequired().execute(context -> expressions
                .createExpression("${dateTime().plusDays(2).toDate()}")
                .getValue(org.camunda.bpm.engine.impl.el.StartProcessVariableScope.getSharedInstance()));
        assertThat(due).isInstanceOf(java.util.Date.class);
        assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context -> expressions
                .createExpression("${dateTime().toDate().getClass()}")
                .getValue(org.camunda.bpm.engine.impl.el.StartProcessVariableScope.getSharedInstance())))
                .hasMessageContaining("getClass");
    }

    @Test
    void aManagerStillWritesConditionsVariableReadsAndOurMethods() {
        String model = Bpmn.convertToString(Bpmn.createExecutableProcess("sandboxedButUseful")
                .camundaHistoryTimeToLive(30).startEvent().exclusiveGateway("Gateway_Outcome")
                .condition("substantiated", "${verificationOutcome == 'SUBSTANTIATED' && priority > 2 + 1}")
                .userTask("Task_Check").camundaCandidateGroups("case-workers")
                .camundaDueDate("${caseDates.daysFromNow(2)}").endEvent().moveToLastGateway()
                .condition("other", "${execution.getVariable('announce') == true || not empty caseNumber}")
                .endEvent().done());
        assertThat(deploy("manager", "/engine-rest/deployment/create", "useful.bpmn", model).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void storedFilterExpressionsRunInTheSandbox() {
        Path marker = temp.resolve("filter-ran-code");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String filter = """
                {"resourceType":"Task","name":"evil","query":{"assigneeExpression":"%s"}}
                """.formatted(exec(marker).replace("'", "'"));
        ResponseEntity<String> created = http.withBasicAuth("manager", "manager").postForEntity(
                "/engine-rest/filter/create", new HttpEntity<>(filter, headers), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
        String id = created.getBody().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        ResponseEntity<String> listed = http.withBasicAuth("manager", "manager")
                .getForEntity("/engine-rest/filter/" + id + "/list", String.class);
        assertThat(listed.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(marker).doesNotExist();

        String mine = """
                {"resourceType":"Task","name":"mine","query":{"assigneeExpression":"${currentUser()}"}}
                """;
        ResponseEntity<String> fine = http.withBasicAuth("manager", "manager").postForEntity(
                "/engine-rest/filter/create", new HttpEntity<>(mine, headers), String.class);
        String fineId = fine.getBody().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(http.withBasicAuth("manager", "manager").getForEntity("/engine-rest/filter/" + fineId + "/list",
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
