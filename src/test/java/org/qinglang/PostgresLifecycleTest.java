package org.qinglang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.announcement.AnnouncementRepository;
import org.qinglang.casefile.CaseOutcome;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ComplaintRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole lifecycle once against a real PostgreSQL server, in a database made fresh for the run.
 * Skipped where no server is reachable, except on CI, where a missing server is a failure.
 */
@SpringBootTest
@ActiveProfiles({"test", "postgres"})
class PostgresLifecycleTest {

    static final String SERVER = System.getenv().getOrDefault("QINGLANG_TEST_PG_SERVER", "127.0.0.1:5432");
    static final String ADMIN_USER = System.getenv().getOrDefault("QINGLANG_TEST_PG_USER", "postgres");
    static final String ADMIN_PASSWORD = System.getenv().getOrDefault("QINGLANG_TEST_PG_PASSWORD", "");
    static final String DATABASE = "qinglang_test";

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        // Outside the embedded demo the application does not start without a secret of its own.
        registry.add("qinglang.security.token-secret", () -> "lifecycle-test-secret-of-more-than-32-characters");
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", ADMIN_USER,
                ADMIN_PASSWORD); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException unreachable) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI must run the PostgreSQL lifecycle test: " + unreachable, unreachable);
            }
            Assumptions.abort("no PostgreSQL at " + SERVER + ": " + unreachable.getMessage());
        }
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://" + SERVER + "/" + DATABASE);
        registry.add("spring.datasource.username", () -> ADMIN_USER);
        registry.add("spring.datasource.password", () -> ADMIN_PASSWORD);
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseDriver cases;
    @Autowired
    ComplaintRepository complaints;
    @Autowired
    AnnouncementRepository announcements;
    @Autowired
    DataSource dataSource;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void taskListIndexesAndNoJitForShortQueries() throws Exception {
        assertThat(org.qinglang.workflow.TaskListIndexesTest.indexesOfTaskTable(dataSource))
                .contains("QL_IDX_TASK_PRIORITY_DUE", "QL_IDX_TASK_DUE");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                java.sql.ResultSet jit = sql.executeQuery("SELECT current_setting('jit')")) {
            jit.next();
            assertThat(jit.getString(1)).isEqualTo("off");
        }
    }

    @Test
    void complaintGoesFromIntakeToPublicAnnouncementOnPostgres() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        AbstractAssertions.init(engine);
        ClockUtil.setCurrentTime(new Date());

        String caseNumber = cases.submit(ComplaintCategory.EXTORTION_PAID_DELETION, "weiyu-social",
                "https://weiyu.example/post/77", "delete_for_cash").caseNumber();
        cases.runDueJobs(caseNumber);
        ProcessInstance instance = cases.instance(caseNumber);
        assertThat(instance).isWaitingAt("Task_VerifyComplaint");

        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "SUBSTANTIATED", "verificationNote", "索要删帖费属实"));
        assertThat(instance).hasPassed("Task_ReferCriminalLead").isWaitingAt("Task_AwaitPlatformResponse");

        cases.advance(caseNumber, Duration.ofHours(24).plusMinutes(1));
        assertThat(instance).hasPassed("Task_SendRectificationReminder", "Task_RecordMissedDeadline")
                .isWaitingAt("Task_DecideEnforcement");
        cases.complete(caseNumber, "Task_DecideEnforcement", "supervisor", Map.of(
                "enforcementMeasures", List.of("SUSPEND_FUNCTIONS", "FINE"), "fineAmount", 20000L,
                "enforcementNote", "暂停功能并罚款",
                "furtherDeadline", "NONE", "announce", true, "announcementSummary", "以删帖为名索要钱财。"));
        cases.complete(caseNumber, "Task_ApproveAnnouncement", "supervisor2",
                Map.of("approved", true, "approvalNote", "同意"));

        cases.finishPlatformMeasures(caseNumber);
        assertThat(instance).isEnded().hasPassed("EndEvent_CaseAnnounced");
        assertThat(complaints.findByCaseNumber(caseNumber).orElseThrow().getOutcome()).isEqualTo(CaseOutcome.ENFORCED);
        assertThat(announcements.findByCaseNumber(caseNumber)).isPresent();
        // notice, reminder and the decision document
        assertThat(TestMail.to(mail, "report@weiyu.example")).hasSize(3)
                .anySatisfy(m -> assertThat(TestMail.subject(m)).contains("处置决定书"));
        assertThat(TestMail.to(mail, "police-liaison@qinglang.local")).hasSize(1);
    }
}
