package org.qinglang.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.qinglang.QinglangTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A manager saves a model in the installation's folder (Camunda Modeler on the desktop) and the
 * running system deploys it: once per burst of saves, and never a file that fails validation.
 */
@QinglangTest
class ModelFolderWatchTest {

    static final Path MODELS = ModelFolders.copyOfInstallation();
    static final Path TRIAGE = MODELS.resolve("bpmn/triage.dmn");

    @DynamicPropertySource
    static void watchedFolder(DynamicPropertyRegistry registry) {
        registry.add("qinglang.models.directory", MODELS::toString);
        registry.add("qinglang.models.watch", () -> "true");
        registry.add("qinglang.models.watch-quiet-period", () -> "PT0.3S");
    }

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    DecisionService decisionService;
    @Autowired
    ModelAuditRepository audit;

    private int deadlineTableVersion() {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("triage-deadline")
                .latestVersion().singleResult().getVersion();
    }

    private Object highSeverityDeadline() {
        return decisionService.evaluateDecisionTableByKey("triage-deadline", Map.of("severity", "HIGH"))
                .getSingleResult().getEntry("rectificationDeadline");
    }

    @Test
    void aSavedTableIsDeployedWithoutARestartAndARefusedOneIsNot() throws Exception {
        String shipped = Files.readString(TRIAGE);
        int version = deadlineTableVersion();
        long deployments = repositoryService.createDeploymentQuery().count();

        // An editor saving in steps: truncated, half written, then complete.
        Files.writeString(TRIAGE, "");
        Files.writeString(TRIAGE, shipped.substring(0, shipped.length() / 2));
        Files.writeString(TRIAGE, ModelFolders.withHighSeverityDeadline(shipped, "P2D"));

        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(highSeverityDeadline()).isEqualTo("P2D"));
        assertThat(deadlineTableVersion()).isEqualTo(version + 1);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments + 1);
        assertThat(audit.findAllByOrderByOccurredAtDescIdDesc(PageRequest.of(0, 1)).get(0)).satisfies(entry -> {
            assertThat(entry.getAction()).isEqualTo(ModelAudit.Action.DEPLOYED);
            assertThat(entry.getChannel()).isEqualTo(ModelAudit.Channel.FOLDER);
            assertThat(entry.getActor()).isEqualTo(ModelDeployment.SYSTEM);
            assertThat(entry.getResources()).isEqualTo("triage.dmn");
        });

        // A table without its history time to live is refused; the deployed one keeps working.
        Files.writeString(TRIAGE, ModelFolders.withHighSeverityDeadline(shipped, "PT12H")
                .replace(" camunda:historyTimeToLive=\"1825\"", ""), StandardCharsets.UTF_8);

        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).until(() -> audit.findAllByOrderByOccurredAtDescIdDesc(
                PageRequest.of(0, 1)).get(0).getAction() == ModelAudit.Action.REFUSED);
        assertThat(audit.findAllByOrderByOccurredAtDescIdDesc(PageRequest.of(0, 1)).get(0).getDetails())
                .contains("model.problem.no-history-ttl");
        assertThat(highSeverityDeadline()).isEqualTo("P2D");
        assertThat(deadlineTableVersion()).isEqualTo(version + 1);

        // Saving the shipped table again brings its deadline back.
        Files.writeString(TRIAGE, shipped);
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(highSeverityDeadline()).isEqualTo("P3D"));
        assertThat(deadlineTableVersion()).isEqualTo(version + 2);
    }
}
