package org.qinglang.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.qinglang.QinglangTest;
import org.qinglang.workflow.ModelDeployment.Model;
import org.springframework.beans.factory.annotation.Autowired;

/** Models are code: only valid ones are deployed, and a refusal names every reason. */
@QinglangTest
class ModelValidatorTest {

    @Autowired
    ModelValidator validator;
    @Autowired
    ModelDeployment deployment;
    @Autowired
    RepositoryService repositoryService;

    private static Model bpmn(BpmnModelInstance model) {
        return new Model("test.bpmn", Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
    }

    private List<String> keys(List<Model> models) {
        return validator.validate(models).stream().map(ModelValidator.Problem::key).toList();
    }

    @Test
    void theShippedModelsAreValid() throws Exception {
        assertThat(validator.validate(deployment.currentModels())).isEmpty();
    }

    @Test
    void triageTablesThatLeaveSomeComplaintWithoutAnAnswerAreRefused() throws Exception {
        String triage = new String(deployment.currentModels().stream().filter(m -> m.name().equals("triage.dmn"))
                .findFirst().orElseThrow().content(), StandardCharsets.UTF_8);
        // Without the rule for impersonation and its fallback, impersonation gets no severity; without its
        // last rule, complaints about platforms without a registered office get no office.
        String severityGap = triage.replaceAll("(?s)<rule id=\"Rule_triage-severity_[24]\">.*?</rule>", "");
        String officeGap = triage.replaceAll("(?s)<rule id=\"Rule_triage-office_4\">.*?</rule>", "");
        String badDuration = triage.replace("&quot;5 working days&quot;", "&quot;five days&quot;");

        List<ModelValidator.Problem> problems = validator.validate(List.of(new Model("triage.dmn",
                severityGap.getBytes(StandardCharsets.UTF_8))));
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.key()).isEqualTo("model.problem.triage-gap"));
        assertThat(problems).allSatisfy(p -> assertThat(p.arguments().get(0)).isEqualTo("triage-severity"))
                .anySatisfy(p -> assertThat(p.arguments().get(1)).contains("IMPERSONATION").contains("CITIZEN"));

        assertThat(validator.validate(List.of(new Model("triage.dmn", officeGap.getBytes(StandardCharsets.UTF_8)))))
                .extracting(ModelValidator.Problem::arguments).containsExactlyInAnyOrder(
                        List.of("triage-office", "{platformCode=unregistered}"),
                        List.of("triage-office", "{platformCode=not-registered}"));
        assertThat(validator.validate(List.of(new Model("triage.dmn", badDuration.getBytes(StandardCharsets.UTF_8)))))
                .singleElement().satisfies(p -> assertThat(p.arguments()).containsExactly("triage-deadline",
                        "{severity=MEDIUM} → rectificationDeadline"));
        assertThat(validator.validate(List.of(new Model("triage.dmn", triage.getBytes(StandardCharsets.UTF_8)))))
                .isEmpty();
    }

    @Test
    void aProcessWithoutTheIdsJavaReliesOnIsRefusedSayingWhich() throws Exception {
        List<Model> models = new ArrayList<>(deployment.currentModels());
        models.replaceAll(m -> m.name().equals("complaint-handling.bpmn") ? new Model(m.name(), new String(m.content(),
                StandardCharsets.UTF_8).replace("Task_VerifyComplaint", "Task_CheckComplaint")
                .replace("name=\"PlatformResponded\"", "name=\"PlatformAnswered\"").getBytes(StandardCharsets.UTF_8)) : m);
        List<ModelValidator.Problem> problems = validator.validate(models);
        assertThat(problems).extracting(ModelValidator.Problem::key, ModelValidator.Problem::arguments)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("model.problem.missing-id",
                                List.of("complaint-handling", "Task_VerifyComplaint")),
                        org.assertj.core.groups.Tuple.tuple("model.problem.missing-message",
                                List.of("complaint-handling", "PlatformResponded")));
    }

    @Test
    void scriptsAreRefused() {
        assertThat(keys(List.of(bpmn(Bpmn.createExecutableProcess("scripted")
                .camundaHistoryTimeToLive(30).startEvent().scriptTask("Task_Script").scriptFormat("javascript")
                .scriptText("java.lang.System.exit(1)").endEvent().done())))).containsExactly("model.problem.script-task");

        BpmnModelInstance listener = Bpmn.createExecutableProcess("listening").camundaHistoryTimeToLive(30)
                .startEvent().userTask("Task_Listen").camundaTaskListenerClass("create", "x.Y").endEvent().done();
        assertThat(keys(List.of(bpmn(listener)))).contains("model.problem.java-class");
    }

    @Test
    void delegatesMustNameExistingBeansAndHistoryTimeToLiveIsRequired() {
        BpmnModelInstance careless = Bpmn.createExecutableProcess("careless")
                .startEvent().serviceTask("Task_Ghost").camundaDelegateExpression("${noSuchBean}")
                .serviceTask("Task_Expression").camundaDelegateExpression("${sendPlatformNotice.execute(execution)}")
                .serviceTask("Task_Fine").camundaDelegateExpression("${sendPlatformNotice}")
                .serviceTask("Task_Class").camundaClass("org.example.Evil")
                .userTask("Task_Form").camundaFormRef("no-such-form").endEvent().done();
        // The builder sets a time to live by default; a model from elsewhere may have none.
        careless.<org.camunda.bpm.model.bpmn.instance.Process>getModelElementById("careless")
                .setCamundaHistoryTimeToLiveString(null);
        List<String> keys = keys(List.of(bpmn(careless)));
        assertThat(keys).containsExactlyInAnyOrder("model.problem.no-history-ttl", "model.problem.unknown-bean",
                "model.problem.delegate-expression", "model.problem.java-class", "model.problem.missing-form");
    }

    @Test
    void unreadableFilesAndDecisionsWithoutTimeToLiveAreRefused() throws Exception {
        List<Model> models = new ArrayList<>(deployment.currentModels());
        models.replaceAll(m -> m.name().equals("measures.dmn") ? new Model(m.name(), new String(m.content(),
                StandardCharsets.UTF_8).replace(" camunda:historyTimeToLive=\"1825\"", "")
                .getBytes(StandardCharsets.UTF_8)) : m);
        models.add(new Model("broken.bpmn", "<definitions>".getBytes(StandardCharsets.UTF_8)));
        models.add(new Model("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(keys(models)).containsExactlyInAnyOrder("model.problem.no-history-ttl",
                "model.problem.unparsable", "model.problem.unknown-type");
    }

    @Test
    void aFormFieldMayNotShadowABeanTheProcessCalls() throws Exception {
        List<Model> models = new ArrayList<>(deployment.currentModels());
        models.replaceAll(m -> m.name().equals("decide-enforcement.form") ? new Model(m.name(), new String(
                m.content(), StandardCharsets.UTF_8).replace("\"policeReferral\"", "\"referToPolice\"")
                .getBytes(StandardCharsets.UTF_8)) : m);
        assertThat(keys(models)).containsExactly("model.problem.form-key-shadows-bean");
    }

    @Test
    void aRefusedSetDeploysNothing() throws Exception {
        long before = repositoryService.createDeploymentQuery().count();
        List<Model> models = new ArrayList<>(deployment.currentModels());
        models.add(bpmn(Bpmn.createExecutableProcess("scripted").camundaHistoryTimeToLive(30).startEvent()
                .scriptTask().scriptFormat("groovy").scriptText("1").endEvent().done()));
        assertThatThrownBy(() -> deployment.deploy(models)).isInstanceOf(ModelDeployment.ModelsRefusedException.class);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
    }
}
