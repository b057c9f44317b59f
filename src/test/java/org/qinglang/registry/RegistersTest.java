package org.qinglang.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.casefile.ReportedObject;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Groups and their admins, practitioners, platforms: an admin's earlier violations count against the
 * group, the practitioner found at verification goes into the register, and a platform is judged by
 * its own failures.
 */
@QinglangTest
class RegistersTest {

    @RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension mail = TestMail.server();

    @Autowired
    CaseDriver cases;
    @Autowired
    HistoryService history;
    @Autowired
    ComplaintRepository complaints;
    @Autowired
    ViolationRegister register;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    /** The variable's latest value in the case's history. */
    private Object variable(String caseNumber, String name) {
        var values = history.createHistoricVariableInstanceQuery().variableName(name)
                .processInstanceIdIn(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                        .list().stream().map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId)
                        .toArray(String[]::new))
                .orderByVariableName().asc().list();
        return values.get(values.size() - 1).getValue();
    }

    @Test
    void aGroupAdminsEarlierViolationsCountAndTheGroupIsMeasuredAsAGroup() {
        String admin = "group_admin_" + System.nanoTime();
        String earlier = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/p/admin-" + System.nanoTime(), admin).caseNumber();
        cases.runDueJobs(earlier);
        cases.complete(earlier, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "SUBSTANTIATED", "verificationNote", "属实 substantiated"));

        String group = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/g/rumour-group-" + System.nanoTime(), "谣言群").caseNumber();
        cases.runDueJobs(group);
        // The case worker finds it is a group, names its admin and the agency behind it.
        cases.complete(group, "Task_VerifyComplaint", "caseworker", Map.of("verificationOutcome", "SUBSTANTIATED",
                "verificationNote", "群组传谣 a group spreading it", "objectType", "GROUP", "groupAdmin", "@" + admin,
                "practitioner", "某MCN机构 Some MCN agency"));

        assertThat(complaints.findByCaseNumber(group).orElseThrow().getObjectType()).isEqualTo(ReportedObject.GROUP);
        assertThat(((Number) variable(group, "priorAccountViolations")).longValue()).isEqualTo(1);
        assertThat(String.valueOf(variable(group, "requiredMeasures"))).contains("RESTRICT_GROUP_ADMIN");
        assertThat(jdbc.queryForObject("SELECT practitioner FROM violation WHERE case_number = ?", String.class, group))
                .isEqualTo("某MCN机构 Some MCN agency");
        // The register of practitioners shows it to staff.
        assertThat(registersPage()).contains("某MCN机构 Some MCN agency");
        // A group's admin by another spelling is the same account.
        assertThat(jdbc.queryForObject("SELECT admin_key FROM violation WHERE case_number = ?", String.class, group))
                .isEqualTo(ViolationRegister.accountKey(admin));
    }

    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;

    private String registersPage() {
        return http.withBasicAuth("supervisor", "supervisor").getForObject("/staff/registers?lang=zh-CN", String.class);
    }

    @Test
    void aPlatformIsJudgedByItsOwnFailuresNotByItsUsers() {
        String platform = "zhidao-forum";
        String first = cases.submit(ComplaintCategory.RUMOUR, platform,
                "https://zhidao-forum.example/t/failures-a-" + System.nanoTime(), "user_a").caseNumber();
        cases.runDueJobs(first);
        long before = failuresSeenBy(first);
        // Users offending adds nothing; the platform missing a deadline does.
        cases.complete(first, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "SUBSTANTIATED", "verificationNote", "属实 substantiated"));
        String second = cases.submit(ComplaintCategory.RUMOUR, platform,
                "https://zhidao-forum.example/t/failures-b-" + System.nanoTime(), "user_b").caseNumber();
        cases.runDueJobs(second);
        assertThat(failuresSeenBy(second)).isEqualTo(before);
        cases.advancePastRectificationDeadline(first);
        assertThat(failuresSeenBy(second)).isEqualTo(before + 1);
    }

    private long failuresSeenBy(String caseNumber) {
        Long failures = transaction.execute(s -> register.platformFailures(
                complaints.findByCaseNumber(caseNumber).orElseThrow()));
        return failures == null ? 0 : failures;
    }
}
