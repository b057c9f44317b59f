package org.qinglang.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.casefile.ComplaintCategory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The acknowledgement leaves through the outbox: a complaint is taken in while the mail server is
 * away, the message waits and is tried again, the case shows an incident after three failures, and
 * the message is sent once when the server is back, which resolves the incident.
 */
@QinglangTest
class MailOutboxTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    CaseDriver cases;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SentMailRepository sentMails;
    @Autowired
    MailOutbox outbox;

    @BeforeEach
    void assertionsOnThisEngine() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void acknowledgementIsSentAfterTheIntakeCommitsOnceAndNotAgain() {
        String caseNumber = submit("sent-once");
        assertThat(queued(caseNumber)).isOne();
        assertThat(TestMail.to(mail, "wang@mail.example")).isEmpty();

        cases.sendQueuedMail();
        assertThat(queued(caseNumber)).isZero();
        assertThat(TestMail.to(mail, "wang@mail.example")).singleElement().satisfies(m ->
                assertThat(TestMail.messageId(m)).matches("<acknowledgement-" + caseNumber + "\\.[0-9a-f]{24}@qinglang\\.local>"));
        assertThat(sentMails.existsByDedupKey("acknowledgement-" + caseNumber)).isTrue();

        // The step queued again (a retry, an operator in Cockpit) finds it sent and queues nothing.
        ProcessInstance instance = cases.instance(caseNumber);
        engine.getRuntimeService().createProcessInstanceModification(instance.getId())
                .startBeforeActivity("Task_AcknowledgeComplaint").execute();
        cases.sendQueuedMail();
        assertThat(queued(caseNumber)).isZero();
        assertThat(TestMail.to(mail, "wang@mail.example")).hasSize(1);
    }

    @Test
    void aComplaintIsTakenInWhileMailIsDownAndAcknowledgedOnceMailIsBack() {
        ClockUtil.setCurrentTime(new Date());
        mail.stop();
        String caseNumber = submit("mail-down");
        String second = submit("mail-down-too");
        ProcessInstance instance = cases.instance(caseNumber);
        cases.runDueJobs(caseNumber);
        assertThat(instance).isWaitingAt("Task_VerifyComplaint");
        assertThat(queued(caseNumber)).isOne();
        assertThat(incidents(instance)).isZero();
        // The whole batch waits once the server cannot be reached.
        assertThat(queued(second)).isOne();
        assertThat(attempts(second)).isOne();

        // Tried again after 5 minutes; the third failure shows in Cockpit.
        advanceAndSend(Duration.ofMinutes(4));
        assertThat(attempts(caseNumber)).isOne();
        advanceAndSend(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(incidents(instance)).isZero();
        advanceAndSend(Duration.ofMinutes(5).plusSeconds(1));
        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId())
                .singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(MailOutbox.INCIDENT_TYPE);
        assertThat(incident.getIncidentMessage()).contains("acknowledgement").contains("wang@mail.example");
        assertThat(attempts(caseNumber)).isEqualTo(3);

        mail.start();
        advanceAndSend(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(queued(caseNumber)).isZero();
        assertThat(queued(second)).isZero();
        assertThat(TestMail.to(mail, "wang@mail.example")).extracting(m -> TestMail.unsigned(TestMail.messageId(m))).containsExactlyInAnyOrder(
                "<acknowledgement-" + caseNumber + "@qinglang.local>", "<acknowledgement-" + second + "@qinglang.local>");
        assertThat(incidents(instance)).isZero();
        assertThat(instance).isWaitingAt("Task_VerifyComplaint");
    }

    private String submit(String post) {
        return cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/p/outbox-" + post + "-" + System.nanoTime(), "outbox_account").caseNumber();
    }

    private void advanceAndSend(Duration duration) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
        cases.sendQueuedMail();
    }

    private long queued(String caseNumber) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE case_number = ?", Long.class, caseNumber);
    }

    private int attempts(String caseNumber) {
        return jdbc.queryForObject("SELECT attempts FROM mail_outbox WHERE case_number = ?", Integer.class,
                caseNumber);
    }

    private long incidents(ProcessInstance instance) {
        return engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count();
    }
}
