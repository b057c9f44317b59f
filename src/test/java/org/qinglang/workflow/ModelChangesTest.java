package org.qinglang.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.process.CaseVariables;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.workflow.ModelAudit.Channel;
import org.qinglang.workflow.ModelDeployment.FileDeployment;
import org.qinglang.workflow.ModelDeployment.Model;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Managers change the process while it runs: a changed decision table applies to the next case and
 * leaves the cases already graded alone; a changed flow gets a new version, and running cases move
 * to it where the new version has a place for them.
 */
@QinglangTest
class ModelChangesTest {

    static final Path MODELS = ModelFolders.copyOfInstallation();
    static int unique;

    @DynamicPropertySource
    static void models(DynamicPropertyRegistry registry) {
        registry.add("qinglang.models.directory", MODELS::toString);
    }

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    ModelDeployment modelDeployment;
    @Autowired
    CaseMigration migration;
    @Autowired
    ModelAuditRepository audit;
    @Autowired
    CaseDriver cases;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ManagementService managementService;

    @BeforeEach
    void startClock() {
        ClockUtil.setCurrentTime(new Date());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private String newCase(ComplaintCategory category) {
        String account = "changes_" + (++unique) + "_" + System.nanoTime();
        String caseNumber = cases.submit(category, "shortvideo", "https://shortvideo.example/@" + account, account)
                .caseNumber();
        cases.runDueJobs(caseNumber);
        return caseNumber;
    }

    private Object variable(String caseNumber, String name) {
        return runtimeService.getVariable(cases.instance(caseNumber).getId(), name);
    }

    private Job timer(String caseNumber, String activityId) {
        return managementService.createJobQuery().processInstanceId(cases.instance(caseNumber).getId())
                .activityId(activityId).singleResult();
    }

    private String deployed(String name) {
        return ModelFolders.text(modelDeployment.deployedModel(name).orElseThrow().content());
    }

    private void verify(String caseNumber, String outcome) {
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of(CaseVariables.VERIFICATION_OUTCOME, outcome, CaseVariables.VERIFICATION_NOTE, "核实 checked"));
    }

    @Test
    void aShorterDeadlineInTheTriageTableReachesTheNextComplaintAndNotTheEarlierOne() throws Exception {
        String earlier = newCase(ComplaintCategory.IMPERSONATION);
        assertThat(variable(earlier, CaseVariables.SEVERITY)).isEqualTo("HIGH");
        assertThat(variable(earlier, CaseVariables.RECTIFICATION_DEADLINE)).isEqualTo("P3D");
        int processVersion = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(CaseVariables.PROCESS_KEY).latestVersion().singleResult().getVersion();

        String shorter = ModelFolders.withHighSeverityDeadline(deployed("triage.dmn"), "P1D");
        FileDeployment result = modelDeployment.deployFile(
                new Model("triage.dmn", shorter.getBytes(StandardCharsets.UTF_8)), "manager", Channel.EDITOR);

        // Only the table is deployed: the flow and the cases on it stay as they are.
        assertThat(result.deployment()).isNotNull();
        assertThat(repositoryService.getDeploymentResourceNames(result.deployment().getId()))
                .containsExactly("triage.dmn");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
                .latestVersion().singleResult().getVersion()).isEqualTo(processVersion);
        assertThat(Files.readString(MODELS.resolve("bpmn/triage.dmn"))).isEqualTo(shorter);
        assertThat(audit.findFirstByDeploymentIdAndAction(result.deployment().getId(), ModelAudit.Action.DEPLOYED))
                .hasValueSatisfying(entry -> {
                    assertThat(entry.getActor()).isEqualTo("manager");
                    assertThat(entry.getChannel()).isEqualTo(Channel.EDITOR);
                    assertThat(entry.getResources()).isEqualTo("triage.dmn");
                });

        String later = newCase(ComplaintCategory.IMPERSONATION);
        assertThat(variable(later, CaseVariables.RECTIFICATION_DEADLINE)).isEqualTo("P1D");
        assertThat(variable(earlier, CaseVariables.RECTIFICATION_DEADLINE)).isEqualTo("P3D");

        // The deadline the platform is given follows the table each case was graded by.
        verify(earlier, "SUBSTANTIATED");
        verify(later, "SUBSTANTIATED");
        Instant now = ClockUtil.getCurrentTime().toInstant();
        assertThat(timer(earlier, "Timer_RectificationDeadline").getDuedate().toInstant())
                .isCloseTo(now.plus(3, ChronoUnit.DAYS), within(5, ChronoUnit.MINUTES));
        assertThat(timer(later, "Timer_RectificationDeadline").getDuedate().toInstant())
                .isCloseTo(now.plus(1, ChronoUnit.DAYS), within(5, ChronoUnit.MINUTES));
    }

    @Test
    void aFileEqualToTheDeployedOneDeploysNothing() {
        long deployments = repositoryService.createDeploymentQuery().count();

        FileDeployment result = modelDeployment.deployFile(new Model("measures.dmn",
                modelDeployment.deployedModel("measures.dmn").orElseThrow().content()), "manager", Channel.UPLOAD);

        assertThat(result.unchanged()).isTrue();
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aChangedFormIsDeployedWithTheProcessesThatUseIt() {
        String form = ModelFolders.text(modelDeployment.deployedModel("verify-complaint.form").orElseThrow().content());
        String changed = form.replaceFirst("\"components\"\\s*:\\s*\\[", "\"description\": \"v2\", \"components\": [");
        assertThat(changed).isNotEqualTo(form);

        FileDeployment result = modelDeployment.deployFile(new Model("verify-complaint.form",
                changed.getBytes(StandardCharsets.UTF_8)), "manager", Channel.UPLOAD);

        // The process that uses the form, with all its forms; not the processes that do not use it.
        assertThat(repositoryService.getDeploymentResourceNames(result.deployment().getId()))
                .containsExactlyInAnyOrder("complaint-handling.bpmn", "verify-complaint.form", "decide-enforcement.form",
                        "approve-announcement.form", "platform-measures.form", "review-rectification.form");
    }

    @Test
    void aRenamedLabelDeploysThatProcessWithItsFormsOnly() {
        String process = ModelFolders.text(modelDeployment.deployedModel("objection.bpmn").orElseThrow().content());
        String renamed = process.replaceFirst("name=\"([^\"]*)\"", "name=\"$1 (v2)\"");
        assertThat(renamed).isNotEqualTo(process);

        FileDeployment result = modelDeployment.deployEdited("objection.bpmn", process, renamed, "manager");

        assertThat(repositoryService.getDeploymentResourceNames(result.deployment().getId()))
                .containsExactlyInAnyOrder("objection.bpmn", "decide-objection.form");
        assertThat(result.formattingKept()).isTrue();
    }

    @Test
    void runningCasesMoveToTheNewVersionAndACaseWithoutAPlaceThereStays() {
        String atVerification = newCase(ComplaintCategory.RUMOUR);
        String atDeadline = newCase(ComplaintCategory.IMPERSONATION);
        verify(atDeadline, "SUBSTANTIATED");
        String awaitingReply = newCase(ComplaintCategory.MALICIOUS_HYPE);
        verify(awaitingReply, "NEEDS_INFO");
        ProcessDefinition source = repositoryService.getProcessDefinition(cases.instance(atVerification)
                .getProcessDefinitionId());
        Date slaDue = timer(atVerification, "Timer_VerificationSla").getDuedate();
        Date deadlineDue = timer(atDeadline, "Timer_RectificationDeadline").getDuedate();
        Date reminderDue = timer(atDeadline, "Timer_RectificationReminder").getDuedate();

        // The new version renames a task and no longer has the step the third case waits in.
        String original = deployed("complaint-handling.bpmn");
        String changed = original.replace("name=\"核实举报", "name=\"审查举报")
                .replace("Task_AwaitComplainantReply", "Task_AwaitComplainantAnswer");
        try {
            Deployment deployment = modelDeployment.deployFile(new Model("complaint-handling.bpmn",
                    changed.getBytes(StandardCharsets.UTF_8)), "manager", Channel.EDITOR).deployment();
            ProcessDefinition target = repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId())
                    .processDefinitionKey(CaseVariables.PROCESS_KEY).singleResult();

            CaseMigration.Proposal proposal = migration.propose(source.getId());
            assertThat(proposal.target().getId()).isEqualTo(target.getId());
            assertThat(proposal.executable()).isTrue();
            assertThat(proposal.runningCases()).isGreaterThanOrEqualTo(3);
            assertThat(proposal.waiting()).anySatisfy(w -> {
                assertThat(w.activityId()).isEqualTo("Task_AwaitComplainantReply");
                assertThat(w.mapped()).isFalse();
            }).anySatisfy(w -> {
                assertThat(w.activityId()).isEqualTo("Task_VerifyComplaint");
                assertThat(w.targetActivityName()).startsWith("审查举报");
            });

            CaseMigration.Result result = migration.migrate(source.getId(), "manager");

            assertThat(result.migratedCases()).contains(atVerification, atDeadline).doesNotContain(awaitingReply);
            assertThat(result.stayed()).anySatisfy(stayed -> {
                assertThat(stayed.caseNumber()).isEqualTo(awaitingReply);
                assertThat(stayed.reasons()).extracting(CaseMigration.Reason::key)
                        .containsExactly("model.migration.reason.no-mapping");
                assertThat(stayed.reasons().get(0).arguments().get(0)).contains("Task_AwaitComplainantReply");
            });
            assertThat(cases.instance(atVerification).getProcessDefinitionId()).isEqualTo(target.getId());
            assertThat(cases.instance(atDeadline).getProcessDefinitionId()).isEqualTo(target.getId());
            assertThat(cases.instance(awaitingReply).getProcessDefinitionId()).isEqualTo(source.getId());
            Task verification = cases.task(atVerification, "Task_VerifyComplaint");
            assertThat(verification.getProcessDefinitionId()).isEqualTo(target.getId());

            // Timers whose definition did not change keep their time; they now belong to the new version.
            assertThat(timer(atVerification, "Timer_VerificationSla").getDuedate()).isEqualTo(slaDue);
            Job deadline = timer(atDeadline, "Timer_RectificationDeadline");
            assertThat(deadline.getDuedate()).isEqualTo(deadlineDue);
            assertThat(deadline.getProcessDefinitionId()).isEqualTo(target.getId());
            assertThat(timer(atDeadline, "Timer_RectificationReminder").getDuedate()).isEqualTo(reminderDue);

            // (Other tests of this class deploy at the real time while this one runs on a moved clock:
            // the migration's entry is found by what it is, not by being the latest.)
            assertThat(audit.findAllByOrderByOccurredAtDescIdDesc(PageRequest.of(0, 50)).stream()
                    .filter(entry -> entry.getAction() == ModelAudit.Action.MIGRATED
                            && source.getId().equals(entry.getSourceDefinitionId())).findFirst().orElseThrow())
                    .satisfies(entry -> {
                        assertThat(entry.getAction()).isEqualTo(ModelAudit.Action.MIGRATED);
                        assertThat(entry.getActor()).isEqualTo("manager");
                        assertThat(entry.getSourceDefinitionId()).isEqualTo(source.getId());
                        assertThat(entry.getTargetDefinitionId()).isEqualTo(target.getId());
                        assertThat(entry.getMigrated()).isEqualTo(result.migratedCases().size());
                        assertThat(entry.getLeftBehind()).isEqualTo(result.stayed().size());
                        assertThat(entry.getDetails()).contains(awaitingReply);
                    });

            // The moved cases go on in the new version: the deadline passes, the verification is done.
            cases.advance(atDeadline, Duration.ofDays(3).plusMinutes(1));
            assertThat(cases.task(atDeadline, "Task_DecideEnforcement")).isNotNull();
            verify(atVerification, "UNFOUNDED");
            assertThat(cases.instance(atVerification)).isNull();
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
                    .processInstanceBusinessKey(awaitingReply).count()).isEqualTo(1);
        } finally {
            modelDeployment.deployFile(new Model("complaint-handling.bpmn", original.getBytes(StandardCharsets.UTF_8)),
                    "manager", Channel.EDITOR);
            ClockUtil.setCurrentTime(new Date());
        }
    }

    @Test
    void everyRunningCaseOfAnOlderVersionIsCountedForTheManager() {
        String running = newCase(ComplaintCategory.RUMOUR);
        String original = deployed("outcome-review.bpmn");
        ProcessDefinition before = repositoryService.getProcessDefinition(cases.instance(running)
                .getProcessDefinitionId());

        modelDeployment.deployFile(new Model("complaint-handling.bpmn", deployed("complaint-handling.bpmn")
                .replace("name=\"核实举报", "name=\"核实该举报")
                .getBytes(StandardCharsets.UTF_8)), "manager", Channel.EDITOR);

        ModelCatalog.ProcessModel process = catalog.catalog().processes().stream()
                .filter(p -> p.key().equals(CaseVariables.PROCESS_KEY)).findFirst().orElseThrow();
        assertThat(process.versions().get(0).latest()).isTrue();
        assertThat(process.olderVersionsWithCases()).anySatisfy(v -> {
            assertThat(v.definitionId()).isEqualTo(before.getId());
            assertThat(v.runningCases()).isGreaterThanOrEqualTo(1);
        });
        assertThat(process.versions().get(0).deployed().by()).isEqualTo("manager");
        // outcome-review came along unchanged, because forms are found in the process's deployment.
        assertThat(deployed("outcome-review.bpmn")).isEqualTo(original);
        assertThat(catalog.catalog().forms()).extracting(ModelCatalog.FormModel::resourceName)
                .contains("verify-complaint.form");
        assertThat(List.of(catalog.catalog().migrationOffers().get(0).key())).contains(CaseVariables.PROCESS_KEY);
    }

    @Autowired
    ModelCatalog catalog;
}
