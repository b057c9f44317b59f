package org.qinglang.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.workflow.CaseHistoryLevel;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's history does not grow without bound: every model has a history time to live, and
 * the cleanup runs every night in its window and removes what outlived it.
 */
@QinglangTest
class HistoryCleanupTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseDriver cases;
    @Autowired
    ComplaintRepository complaints;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyDeployedProcessAndDecisionHasAHistoryTimeToLive() {
        RepositoryService repository = engine.getRepositoryService();
        List<ProcessDefinition> processes = repository.createProcessDefinitionQuery().latestVersion().list();
        assertThat(processes).extracting(ProcessDefinition::getKey).contains("complaint-handling", "outcome-review");
        assertThat(processes).allSatisfy(process -> assertThat(process.getHistoryTimeToLive()).as(process.getKey())
                .isNotNull().isPositive());
        List<DecisionDefinition> decisions = repository.createDecisionDefinitionQuery().latestVersion().list();
        assertThat(decisions).extracting(DecisionDefinition::getKey)
                .contains("triage-severity", "triage-deadline", "triage-office", "measures");
        assertThat(decisions).allSatisfy(decision -> assertThat(decision.getHistoryTimeToLive())
                .as(decision.getKey()).isNotNull().isPositive());
    }

    @Test
    void cleanupIsScheduledEveryNightInItsWindow() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isHistoryCleanupEnabled()).isTrue();
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.getBatchOperationHistoryTimeToLive()).isEqualTo("P30D");
        assertThat(configuration.getHistoryCleanupJobLogTimeToLive()).isEqualTo("P30D");
        assertThat(configuration.getTaskMetricsTimeToLive()).isEqualTo("P730D");

        // The engine schedules the cleanup itself when it starts; the job falls due inside the window.
        List<Job> cleanup = engine.getHistoryService().findHistoryCleanupJobs();
        assertThat(cleanup).isNotEmpty().allSatisfy(job -> assertThat(LocalTime.ofInstant(job.getDuedate()
                .toInstant(), ZoneId.systemDefault())).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0)));
    }

    @Test
    void historyOfACaseEndedLongerAgoThanItsTimeToLiveIsRemoved() {
        ClockUtil.setCurrentTime(new Date());
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/post/history-cleanup-" + System.nanoTime(), "old_rumour").caseNumber();
        cases.runDueJobs(caseNumber);
        String instanceId = cases.instance(caseNumber).getId();
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "UNFOUNDED", "verificationNote", "查无此事 Nothing found"));
        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).finished().count())
                .isOne();

        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(1824).toMillis()));
        runCleanupNow();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).count()).isOne();

        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(2).toMillis()));
        runCleanupNow();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).count()).isZero();
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(instanceId).count()).isZero();
        // The case file itself is Qinglang's record, not engine history.
        assertThat(complaints.findByCaseNumber(caseNumber)).isPresent();
    }

    @Test
    void historyKeepsDecisionsButNotTheFormCopiesOfTheCaseFile() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryLevel()).isInstanceOf(CaseHistoryLevel.class);
        assertThat(configuration.getHistoryLevel().getName()).isEqualTo("audit");

        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/post/history-level-" + System.nanoTime(), "copied_rumour").caseNumber();
        cases.runDueJobs(caseNumber);
        String instanceId = cases.instance(caseNumber).getId();
        assertThat(engine.getRuntimeService().getVariables(instanceId))
                .containsKeys("description", "evidenceSummary", "platformOptions", "severity", "category");
        List<String> historic = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instanceId).list().stream().map(v -> v.getName()).toList();
        assertThat(historic).contains("caseNumber", "category", "severity", "criminalLead", "responsibleOffice")
                .doesNotContain("duplicate", "description", "evidenceSummary", "evidenceLinks", "accountHistory",
                "platformOptions", "platformName", "contentUrl");

        // Changing and removing such a copy refers to no history row either, and the case goes on.
        engine.getRuntimeService().setVariable(instanceId, "description", "更正 corrected");
        engine.getRuntimeService().removeVariable(instanceId, "accountHistory");
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "UNFOUNDED", "verificationNote", "查无此事 Nothing found"));
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId)
                .finished().count()).isOne();
    }

    /** What the job executor does in the window, at once. */
    private void runCleanupNow() {
        Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
        engine.getManagementService().executeJob(cleanup.getId());
    }
}
