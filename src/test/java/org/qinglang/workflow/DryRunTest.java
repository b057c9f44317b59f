package org.qinglang.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.casefile.ComplaintCategory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A changed process tried on a copy of a case's data: it shows the path and where the process waits,
 * our steps only recorded, and nothing of the cases, mail or deployments changes.
 */
@QinglangTest
class DryRunTest {

    @Autowired
    DryRun dryRun;
    @Autowired
    CaseDriver cases;
    @Autowired
    ModelDeployment modelDeployment;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;

    private List<Long> everythingThatCouldChange() {
        return List.of(jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM sent_mail", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM violation", Long.class),
                repositoryService.createDeploymentQuery().count(),
                runtimeService.createProcessInstanceQuery().count(),
                runtimeService.createExecutionQuery().count());
    }

    /** The case's variables as text (JSON values compare by what they say, not by identity). */
    private String variablesOf(String caseNumber) {
        return new java.util.TreeMap<>(runtimeService.getVariables(cases.instance(caseNumber).getId())).toString();
    }

    @Test
    void theChangedProcessRunsOnACopyOfACaseAndChangesNothing() {
        String caseNumber = cases.submit(ComplaintCategory.IMPERSONATION, "weiyu-social",
                "https://weiyu.example/p/dry-run-" + System.nanoTime(), "fake_official").caseNumber();
        cases.runDueJobs(caseNumber);
        String process = new String(modelDeployment.deployedModel("complaint-handling.bpmn").orElseThrow().content(),
                StandardCharsets.UTF_8);
        String changed = process.replace("${verificationSla}", "P3D");
        assertThat(changed).isNotEqualTo(process);
        List<Long> before = everythingThatCouldChange();
        String variablesBefore = variablesOf(caseNumber);

        DryRun.Result result = dryRun.run("complaint-handling.bpmn", changed.getBytes(StandardCharsets.UTF_8),
                caseNumber);

        assertThat(result.error()).isNull();
        assertThat(result.passed()).extracting(DryRun.Step::elementId)
                .contains("StartEvent_ComplaintReceived", "Task_RegisterComplaint", "Task_GradeSeverity",
                        "Task_CheckDuplicate", "Task_VerifyComplaint");
        assertThat(result.waitsAt()).anyMatch(w -> w.contains("Task_VerifyComplaint"))
                .anyMatch(w -> w.startsWith("Timer_VerificationSla"));
        assertThat(result.stepsCalled()).anyMatch(call -> call.endsWith("@ Task_RegisterComplaint"))
                .anyMatch(call -> call.endsWith("@ Task_AcknowledgeComplaint"));
        assertThat(result.ended()).isFalse();
        // Nothing of the real cases changed: no case, mail, violation, deployment or instance more.
        assertThat(everythingThatCouldChange()).isEqualTo(before);
        assertThat(variablesOf(caseNumber)).isEqualTo(variablesBefore);
    }

    @Test
    void aModelTheRulesRefuseIsNeverRunAndAnUnknownCaseIsSaidSo() {
        String process = new String(modelDeployment.deployedModel("complaint-handling.bpmn").orElseThrow().content(),
                StandardCharsets.UTF_8);
        String forbidden = process.replace("${verificationSla}", "${execution.getProcessEngineServices()}");
        assertThatThrownBy(() -> dryRun.run("complaint-handling.bpmn", forbidden.getBytes(StandardCharsets.UTF_8),
                "QL-2026-000001")).isInstanceOf(ModelDeployment.ModelsRefusedException.class);
        assertThatThrownBy(() -> dryRun.run("complaint-handling.bpmn", process.getBytes(StandardCharsets.UTF_8),
                "QL-1999-000000")).isInstanceOf(IllegalArgumentException.class);
    }
}
