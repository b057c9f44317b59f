package org.qinglang.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.announcement.Announcement;
import org.qinglang.announcement.AnnouncementRepository;
import org.qinglang.calendar.WorkingDayCalendar;
import org.qinglang.casework.MeasureConfirmation;
import org.qinglang.casefile.CaseOutcome;
import org.qinglang.casefile.CaseStage;
import org.qinglang.casefile.Complaint;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.escalation.DecisionDocument;
import org.qinglang.escalation.Objection;
import org.qinglang.escalation.Objections;
import org.qinglang.escalation.PlatformMeasureRecord;
import org.qinglang.escalation.PoliceAnswer;
import org.qinglang.escalation.PoliceAnswers;
import org.qinglang.escalation.ReferralPackages;
import org.qinglang.escalation.PlatformMeasureRecordRepository;
import org.qinglang.escalation.DecisionDocuments;
import org.qinglang.escalation.EnforcementActionRepository;
import org.qinglang.common.Sha256;
import org.qinglang.mail.SentMailRepository;
import org.qinglang.process.CaseNotAwaitingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path through complaint-handling, on the real engine, database and mail server. The
 * coverage report (target/process-test-coverage) must show every flow node and sequence flow.
 */
@QinglangTest
@Import({ProcessEngineCoverageConfiguration.class, ComplaintHandlingProcessTest.FullCoverage.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class ComplaintHandlingProcessTest {

    @TestConfiguration
    static class FullCoverage {
        @Bean
        ProcessEngineCoverageProperties coverageProperties() {
            return new ProcessEngineCoverageProperties.Builder().assertClassCoverageAtLeast(1.0).build();
        }
    }

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    WorkingDayCalendar workingDays;
    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseDriver cases;
    @Autowired
    ComplaintRepository complaints;
    @Autowired
    AnnouncementRepository announcements;
    @Autowired
    EnforcementActionRepository enforcementActions;
    @Autowired
    DecisionDocuments decisionDocuments;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;
    @Autowired
    SentMailRepository sentMails;

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
        ClockUtil.setCurrentTime(new Date());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private String newCase(ComplaintCategory category, String url, String account) {
        String caseNumber = cases.submit(category, "shortvideo", url, account).caseNumber();
        cases.runDueJobs(caseNumber);
        return caseNumber;
    }

    private Complaint complaint(String caseNumber) {
        return complaints.findByCaseNumber(caseNumber).orElseThrow();
    }

    private List<MimeMessage> rectificationNotices() {
        return TestMail.to(mail, "compliance@shortvideo.example").stream()
                .filter(m -> TestMail.subject(m).contains("限期整改通知")).toList();
    }

    private void verify(String caseNumber, String outcome, String note) {
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", outcome, "verificationNote", note));
    }

    @Test
    void newComplaintIsRegisteredAcknowledgedTriagedAndWaitsForVerification() throws Exception {
        String caseNumber = newCase(ComplaintCategory.IMPERSONATION, "https://shortvideo.example/@fake_gov_1",
                "@fake_gov_1");
        ProcessInstance instance = cases.instance(caseNumber);

        assertThat(instance).hasPassed("Task_RegisterComplaint", "Task_AcknowledgeComplaint",
                        "Task_GradeSeverity", "Task_SetDeadlines", "Task_RouteToOffice", "Task_RecordTriage",
                        "Gateway_AfterTriage", "Task_CheckDuplicate")
                .hasNotPassed("Gateway_Corrected")
                .isWaitingAt("Task_VerifyComplaint")
                .variables().containsEntry("severity", "HIGH").containsEntry("criminalLead", false)
                .containsEntry("rectificationDeadline", "P3D").doesNotContainKeys("duplicate", "duplicateOf");
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "evidenceSummary"))
                .contains("举报人提交的文件 Complainant's file\n  screenshot.png").contains("sha256:")
                .doesNotContain("ATTACHMENT");
        Task verification = cases.task(caseNumber, "Task_VerifyComplaint");
        assertThat(verification).hasCandidateGroup("case-workers");
        assertThat(verification.getName()).contains(caseNumber).contains("ShortVideo");
        assertThat(verification.getDueDate()).isEqualTo(engine.getRuntimeService().getVariable(instance.getId(),
                "verificationDueAt"));
        assertThat(complaint(caseNumber).getStage()).isEqualTo(CaseStage.UNDER_VERIFICATION);
        assertThat(complaint(caseNumber).getResponsibleOffice()).contains("Shanghai");

        List<MimeMessage> acknowledgements = TestMail.to(mail, "wang@mail.example");
        assertThat(acknowledgements).hasSize(1);
        assertThat(TestMail.subject(acknowledgements.get(0))).contains("[" + caseNumber + "]").contains("受理");
        assertThat(TestMail.body(acknowledgements.get(0))).contains(caseNumber).contains("/complaints/" + caseNumber
                + "?token=");
    }

    @Test
    void complaintAboutContentOfAnOpenCaseIsLinkedToThatCase() {
        String first = newCase(ComplaintCategory.RUMOUR, "https://shortvideo.example/v/42?utm_source=wx", "rumourist");
        String second = newCase(ComplaintCategory.RUMOUR, "HTTP://WWW.ShortVideo.example/v/42/?spm=1.2", "rumourist");

        assertThat(cases.instance(first)).isWaitingAt("Task_VerifyComplaint");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(second).singleResult().getEndActivityId())
                .isEqualTo("EndEvent_LinkedToExistingCase");
        assertThat(cases.task(second, "Task_VerifyComplaint")).isNull();
        assertThat(complaint(second).getOutcome()).isEqualTo(CaseOutcome.LINKED_TO_EXISTING_CASE);
        assertThat(complaint(second).getLinkedCaseNumber()).isEqualTo(first);
        assertThat(TestMail.to(mail, "wang@mail.example")).anyMatch(m -> TestMail.body(m).contains(first)
                && TestMail.subject(m).contains("并入"));
    }

    @Test
    void aCaseWorkerJoinsAComplaintToAnOpenCaseOnOtherContent() {
        // The same rumour reposted under another link: the automatic check cannot see it, the case worker can.
        String open = newCase(ComplaintCategory.RUMOUR, "https://shortvideo.example/v/original-rumour", "rumourist");
        String repost = newCase(ComplaintCategory.RUMOUR, "https://shortvideo.example/v/repost-of-it", "echo");
        String closedCase = newCase(ComplaintCategory.RUMOUR, "https://shortvideo.example/v/settled", "settled");
        verify(closedCase, "UNFOUNDED", "不实 Unfounded, closed");

        // Refused, and nothing changes: itself, no such case, a closed case, no case number.
        for (Object duplicateOf : new Object[] {repost, "QL-2099-999999", closedCase, "not a case"}) {
            assertThatThrownBy(() -> cases.complete(repost, "Task_VerifyComplaint", "caseworker", Map.of(
                    "verificationOutcome", "DUPLICATE", "duplicateOf", duplicateOf, "verificationNote", "重复 duplicate")))
                    .as("duplicate of %s", duplicateOf).isInstanceOf(ProcessEngineException.class);
            assertThat(cases.instance(repost)).isWaitingAt("Task_VerifyComplaint");
            assertThat(complaint(repost).getLinkedCaseNumber()).isNull();
        }

        cases.complete(repost, "Task_VerifyComplaint", "caseworker", Map.of("verificationOutcome", "DUPLICATE",
                "duplicateOf", " " + open.toLowerCase() + " ", "verificationNote", "同一谣言的转发 A repost of the same rumour"));
        cases.runDueJobs(repost);

        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(repost).singleResult().getEndActivityId())
                .isEqualTo("EndEvent_LinkedToExistingCase");
        assertThat(complaint(repost).getOutcome()).isEqualTo(CaseOutcome.LINKED_TO_EXISTING_CASE);
        assertThat(complaint(repost).getLinkedCaseNumber()).isEqualTo(open);
        assertThat(cases.instance(open)).isWaitingAt("Task_VerifyComplaint");
        assertThat(TestMail.to(mail, "wang@mail.example")).anyMatch(m -> TestMail.body(m).contains(open)
                && TestMail.body(m).contains(repost) && TestMail.subject(m).contains("并入"));
    }

    @Test
    void unfoundedComplaintIsClosedAndTheComplainantToldWhy() {
        String caseNumber = newCase(ComplaintCategory.RUMOUR, "https://shortvideo.example/v/quarry", "quarry_news");
        ProcessInstance instance = cases.instance(caseNumber);

        verify(caseNumber, "UNFOUNDED", "采石场手续齐全，已停工。The quarry had all permits.");

        assertThat(instance).isEnded().hasPassed("Task_NotifyComplaintUnfounded", "EndEvent_ComplaintUnfounded");
        assertThat(complaint(caseNumber).getOutcome()).isEqualTo(CaseOutcome.UNFOUNDED);
        assertThat(complaint(caseNumber).getStage()).isEqualTo(CaseStage.CLOSED);
        assertThat(TestMail.to(mail, "wang@mail.example")).anyMatch(m -> TestMail.body(m).contains("采石场手续齐全"));
    }

    @Test
    void complainantAddsInformationAndVerificationStartsAgain() {
        String caseNumber = newCase(ComplaintCategory.MALICIOUS_HYPE, "https://shortvideo.example/v/hype", "hyper");
        ProcessInstance instance = cases.instance(caseNumber);

        verify(caseNumber, "NEEDS_INFO", "请提供原帖截图 Please send a screenshot of the original post");
        assertThat(instance).isWaitingAt("Task_AwaitComplainantReply");
        assertThat(complaint(caseNumber).getStage()).isEqualTo(CaseStage.AWAITING_INFORMATION);
        assertThat(TestMail.to(mail, "wang@mail.example")).anyMatch(m -> TestMail.body(m).contains("原帖截图"));

        // The reply comes through the same service the API and the mail intake use.
        caseReplies.complainantReplied(caseNumber, "截图见附件 screenshot attached", List.of());
        cases.runDueJobs(caseNumber);

        assertThat(instance).isWaitingAt("Task_VerifyComplaint")
                .variables().containsEntry("complainantReplyText", "截图见附件 screenshot attached");
        List<String> evidenceKinds = transaction.execute(status -> complaint(caseNumber).getEvidence().stream()
                .map(e -> e.getKind().name()).toList());
        assertThat(evidenceKinds).contains("COMPLAINANT_REPLY");
        verify(caseNumber, "UNFOUNDED", "原帖为正常讨论 The original post is ordinary discussion");
        assertThat(instance).isEnded();
    }

    @Autowired
    CaseReplies caseReplies;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void complaintWithoutRequestedInformationIsClosedAfterSevenDays() {
        String caseNumber = newCase(ComplaintCategory.OTHER_ILLEGAL, "https://shortvideo.example/v/gamble", "gambler");
        ProcessInstance instance = cases.instance(caseNumber);
        verify(caseNumber, "NEEDS_INFO", "请提供链接 Please send the link");

        cases.advance(caseNumber, Duration.ofDays(6));
        assertThat(instance).isWaitingAt("Task_AwaitComplainantReply");
        cases.advance(caseNumber, Duration.ofDays(1).plusMinutes(1));

        assertThat(instance).isEnded().hasPassed("Timer_ComplainantReplyDeadline", "Task_CloseAbandonedComplaint",
                "EndEvent_ComplaintAbandoned");
        assertThat(complaint(caseNumber).getOutcome()).isEqualTo(CaseOutcome.ABANDONED);
        assertThat(TestMail.to(mail, "wang@mail.example")).anyMatch(m -> TestMail.subject(m).contains("已结案")
                && TestMail.body(m).contains("7 days"));
        assertThatThrownBy(() -> caseReplies.complainantReplied(caseNumber, "too late", List.of()))
                .isInstanceOf(CaseNotAwaitingException.class);
    }

    @Test
    void overdueVerificationGoesToSupervisorsWithoutStoppingIt() {
        String caseNumber = newCase(ComplaintCategory.HARMFUL_INFORMATION, "https://shortvideo.example/v/attack",
                "attacker");
        ProcessInstance instance = cases.instance(caseNumber);

        cases.advance(caseNumber, Duration.ofDays(1).plusMinutes(1)); // HIGH severity: verification SLA P1D

        assertThat(instance).hasPassed("Timer_VerificationSla", "Task_EscalateOverdueVerification",
                "EndEvent_VerificationEscalated").isWaitingAt("Task_VerifyComplaint");
        Task verification = cases.task(caseNumber, "Task_VerifyComplaint");
        assertThat(verification).hasCandidateGroup("supervisors");
        assertThat(verification.getPriority()).isEqualTo(90);
        assertThat(TestMail.to(mail, "supervisor@qinglang.local")).hasSize(1);
        assertThat(TestMail.to(mail, "supervisor2@qinglang.local")).hasSize(1);
    }

    @Test
    void criminalLeadIsReferredAndAnAdequateRectificationClosesTheCase() throws Exception {
        String caseNumber = newCase(ComplaintCategory.EXTORTION_PAID_DELETION, "https://shortvideo.example/v/pay2del",
                "pay2delete");
        ProcessInstance instance = cases.instance(caseNumber);

        verify(caseNumber, "SUBSTANTIATED", "核实属实：索要删帖费 Demanded money for deletion");

        assertThat(instance).hasPassed("Task_RecordViolation", "Task_ReferCriminalLead", "Task_ChooseMeasures",
                "Task_SendPlatformNotice").isWaitingAt("Task_AwaitPlatformResponse");
        List<MimeMessage> police = TestMail.to(mail, "police-liaison@qinglang.local");
        assertThat(police).hasSize(1);
        assertThat(TestMail.body(police.get(0))).contains(caseNumber).contains("sha256:");
        List<MimeMessage> notices = TestMail.to(mail, "compliance@shortvideo.example");
        assertThat(notices).hasSize(1);
        MimeMessage notice = notices.get(0);
        assertThat(TestMail.messageId(notice)).matches("<notice-" + caseNumber + "\\.[0-9a-f]{24}@qinglang\\.local>");
        assertThat(TestMail.body(notice)).contains("网络安全法").contains("关闭账号").contains("Close the account")
                .contains("/platform/respond/" + caseNumber + "?token=");
        assertThat(complaint(caseNumber).getStage()).isEqualTo(CaseStage.PLATFORM_NOTIFIED);
        assertThat(complaint(caseNumber).getRectificationDueAt()).isNotNull();

        cases.advance(caseNumber, Duration.ofHours(18).plusMinutes(1)); // CRITICAL: 24h deadline, reminder 6h before
        assertThat(instance).hasPassed("Timer_RectificationReminder", "Task_SendRectificationReminder",
                "EndEvent_ReminderSent").isWaitingAt("Task_AwaitPlatformResponse");
        MimeMessage reminder = TestMail.to(mail, "compliance@shortvideo.example").get(1);
        assertThat(reminder.getHeader("In-Reply-To")[0]).isEqualTo(TestMail.messageId(notice));

        caseReplies.platformResponded(caseNumber, "已删除内容并关闭账号 Deleted and closed", List.of());
        cases.runDueJobs(caseNumber);
        assertThat(instance).isWaitingAt("Task_ReviewRectification");
        cases.complete(caseNumber, "Task_ReviewRectification", "caseworker",
                Map.of("rectificationAdequate", true, "reviewNote", "已核查落实 Checked"));

        cases.finishPlatformMeasures(caseNumber);
        assertThat(instance).isEnded().hasPassed("Task_NotifyComplainantOfOutcome", "Task_CloseCase",
                "EndEvent_CaseClosed").hasNotPassed("Task_DecideEnforcement");
        Complaint closed = complaint(caseNumber);
        assertThat(closed.getOutcome()).isEqualTo(CaseOutcome.RECTIFIED);
        assertThat(closed.getStage()).isEqualTo(CaseStage.CLOSED);
        assertThat(TestMail.to(mail, "wang@mail.example")).anyMatch(m -> TestMail.subject(m).contains("结果"));
    }

    @Test
    void aCorrectionThatMovesTheCaseToAnotherOfficeHandsItOverForVerificationThere() {
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "kuaikan-toutiao",
                "https://kuaikan-toutiao.example/a/moved", "poster").caseNumber();
        cases.runDueJobs(caseNumber);
        ProcessInstance instance = cases.instance(caseNumber);
        // The mover's conclusion (unfounded) is not taken: Shanghai's case workers verify it afresh.
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker-sh", Map.of("platformCode", "shortvideo",
                "contentUrl", "https://shortvideo.example/v/moved", "verificationOutcome", "UNFOUNDED",
                "verificationNote", "不实"));
        assertThat(instance).hasPassed("Gateway_Corrected", "Gateway_VerificationOutcome")
                .hasNotPassed("Task_NotifyComplaintUnfounded").isWaitingAt("Task_VerifyComplaint");
        assertThat(historicCount(instance, "Task_RecordTriage")).as("triaged at intake and again").isEqualTo(2);
        Complaint moved = complaint(caseNumber);
        assertThat(moved.getResponsibleOffice()).contains("Shanghai");
        assertThat(moved.getOfficeChangedBy()).isEqualTo("caseworker-sh");
        assertThat(moved.isHandoverPending()).isTrue();

        verify(caseNumber, "UNFOUNDED", "核实不实 Unfounded after all");
        // Nothing corrected this time: straight on to the outcome, without a third triage.
        assertThat(instance).hasPassed("Task_NotifyComplaintUnfounded").isEnded();
        assertThat(historicCount(instance, "Gateway_Corrected")).isEqualTo(2);
        assertThat(historicCount(instance, "Task_RecordTriage")).isEqualTo(2);
        assertThat(complaint(caseNumber).isHandoverPending()).isFalse();
    }

    @Test
    void missedDeadlineEscalatesThroughTwoLevelsAndTheTypicalCaseIsAnnounced() {
        String caseNumber = newCase(ComplaintCategory.IMPERSONATION, "https://shortvideo.example/@fake_police",
                "@fake_police");
        ProcessInstance instance = cases.instance(caseNumber);
        verify(caseNumber, "SUBSTANTIATED", "假冒公安机关账号 Impersonates the police");
        assertThat(instance).hasPassed("Gateway_IsCriminalLead").hasNotPassed("Task_ReferCriminalLead");

        cases.advance(caseNumber, Duration.ofDays(3).plusMinutes(1)); // HIGH: P3D
        assertThat(instance).hasPassed("Timer_RectificationDeadline", "Task_RecordMissedDeadline",
                "Task_ProposeNextLevel").isWaitingAt("Task_DecideEnforcement");
        // The ladder's first rung: interview and a rectification order, a further deadline allowed.
        assertThat(instance).variables().containsEntry("furtherNoticeAllowed", true);
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "suggestedMeasuresText"))
                .contains("约谈").contains("Rectification order");
        assertThat(cases.task(caseNumber, "Task_DecideEnforcement")).hasCandidateGroup("supervisors");
        Complaint escalated = complaint(caseNumber);
        assertThat(escalated.getStage()).isEqualTo(CaseStage.ESCALATED);
        assertThat(escalated.isDeadlineMissed()).isTrue();
        assertThat(escalated.getUpdatedAt()).isEqualTo(ClockUtil.getCurrentTime().toInstant());
        // The reason is shown on the supervisors' form; the case file records the missed deadline.
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "escalationReason")).isNotNull();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("escalationReason").count()).isZero();

        // An incomplete decision is refused and nothing moves.
        assertThatThrownBy(() -> cases.complete(caseNumber, "Task_DecideEnforcement", "supervisor",
                Map.of("enforcementMeasures", List.of(), "enforcementNote", "x")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("at least one measure");
        assertThat(instance).isWaitingAt("Task_DecideEnforcement");

        cases.complete(caseNumber, "Task_DecideEnforcement", "supervisor", Map.of(
                "enforcementMeasures", List.of("INTERVIEW", "CLOSE_ACCOUNT"), "policeReferral", true,
                "furtherDeadline", "5 working days", "enforcementNote", "约谈平台并再次限期 Interview and a further deadline",
                "announce", false));
        assertThat(instance).hasPassed("Task_ApplyEnforcement", "Task_ReferToPolice")
                .isWaitingAt("Task_AwaitPlatformResponse");
        assertThat(TestMail.to(mail, "police-liaison@qinglang.local")).hasSize(1);
        List<MimeMessage> notices = rectificationNotices();
        assertThat(notices).hasSize(2);
        assertThat(TestMail.messageId(notices.get(1))).matches("<notice-1-" + caseNumber + "\\.[0-9a-f]{24}@qinglang\\.local>");
        assertThat(TestMail.body(notices.get(1))).contains("约谈");
        // The decision goes out: its document to the platform, as archived, in Chinese and English.
        List<MimeMessage> decisions = decisionDocuments();
        assertThat(decisions).hasSize(1);
        byte[] firstPdf = pdfOf(decisions.get(0));
        DecisionDocument first = decisionDocuments.issued(caseNumber, 1).orElseThrow();
        assertThat(first.getSha256()).isEqualTo(Sha256.hex(firstPdf)).isEqualTo(engine.getRuntimeService()
                .getVariable(instance.getId(), "decisionDocumentSha256"));
        assertThat(TestMail.body(decisions.get(0))).contains(first.getSha256());
        assertThat(textOf(firstPdf)).contains("处置决定书", caseNumber, "约谈", "关闭账号", "@fake_police", "行政复议",
                "Enforcement Decision", "Close the account", "administrative reconsideration")
                .doesNotContain("约谈平台并再次限期"); // the supervisor's note is internal
        // Staff see it as the platform received it; nobody else does.
        var shown = http.withBasicAuth("supervisor", "supervisor")
                .getForEntity("/staff/cases/" + caseNumber + "/decisions/1.pdf", byte[].class);
        assertThat(shown.getStatusCode().value()).isEqualTo(200);
        assertThat(shown.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(Sha256.hex(shown.getBody())).isEqualTo(first.getSha256());
        assertThat(http.getForEntity("/staff/cases/" + caseNumber + "/decisions/1.pdf", String.class)
                .getStatusCode().value()).isEqualTo(401);

        caseReplies.platformResponded(caseNumber, "已删除 Deleted", List.of());
        cases.runDueJobs(caseNumber);
        cases.complete(caseNumber, "Task_ReviewRectification", "caseworker",
                Map.of("rectificationAdequate", false, "reviewNote", "账号仍在 The account is still there"));
        assertThat(instance).isWaitingAt("Task_DecideEnforcement")
                .variables().containsEntry("escalationReason", "整改不到位 Rectification judged inadequate");
        // The second rung: suspension and a fine, and no further deadline after it.
        assertThat(instance).variables().containsEntry("furtherNoticeAllowed", false);
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "suggestedMeasuresText"))
                .contains("暂停相关功能").contains("Fine");

        // A fine needs its amount.
        assertThatThrownBy(() -> cases.complete(caseNumber, "Task_DecideEnforcement", "supervisor", Map.of(
                "enforcementMeasures", List.of("FINE"), "enforcementNote", "罚款 Fine")))
                .hasMessageContaining("A fine needs its amount");
        cases.complete(caseNumber, "Task_DecideEnforcement", "supervisor", Map.of(
                "enforcementMeasures", List.of("FINE", "SUSPEND_FUNCTIONS"), "fineAmount", 50000L,
                "policeReferral", false, "furtherDeadline", "3 working days", "enforcementNote", "罚款并暂停功能 Fine and suspension",
                "announce", true, "announcementSummary", "该账号假冒公安机关发布虚假警情通报。Impersonated the police."));
        // At the last level too, with no further notice, the platform receives the decision.
        assertThat(decisionDocuments()).hasSize(2);
        String second = textOf(pdfOf(decisionDocuments().get(1)));
        assertThat(second).contains(caseNumber + "-D2", "罚款", "50,000.00", "暂停相关功能", "CNY 50,000.00");
        assertThat(enforcementActions.findByCaseNumberOrderByEscalationLevel(caseNumber).get(1).getFineAmount())
                .isEqualByComparingTo("50000");
        assertThat(instance).isWaitingAt("Task_ApproveAnnouncement");
        assertThat(enforcementActions.findByCaseNumberOrderByEscalationLevel(caseNumber)).hasSize(2);
        assertThat(complaint(caseNumber).getOutcome()).isEqualTo(CaseOutcome.ENFORCED);
        assertThat(complaint(caseNumber).getStage()).isEqualTo(CaseStage.CLOSED);
        assertThat(rectificationNotices()).hasSize(2); // no third notice at level 2

        // Four eyes: the supervisor who decided may not approve.
        Task approval = cases.task(caseNumber, "Task_ApproveAnnouncement");
        assertThatThrownBy(() -> engine.getTaskService().claim(approval.getId(), "supervisor"))
                .hasMessageContaining("Four-eyes");
        cases.complete(caseNumber, "Task_ApproveAnnouncement", "supervisor2",
                Map.of("approved", true, "approvalNote", "同意 Approved"));

        cases.finishPlatformMeasures(caseNumber);
        assertThat(instance).isEnded().hasPassed("Task_PublishAnnouncement", "EndEvent_CaseAnnounced");
        Announcement announcement = announcements.findByCaseNumber(caseNumber).orElseThrow();
        assertThat(announcement.getApprovedBy()).isEqualTo("supervisor2");
        assertThat(announcement.getSummary()).doesNotContain("王先生").doesNotContain("wang@mail.example");
        // The supervisors' internal notes never reach the complainant, by mail or on the status page.
        assertThat(TestMail.to(mail, "wang@mail.example")).isNotEmpty().allSatisfy(m -> assertThat(TestMail.body(m))
                .doesNotContain("罚款并暂停功能").doesNotContain("约谈平台并再次限期"));
        assertThat(String.valueOf(complaint(caseNumber).getOutcomeNote())).doesNotContain("罚款并暂停功能");
        assertThat(announcement.getMeasures()).isEqualTo("FINE,SUSPEND_FUNCTIONS");
    }

    @Test
    void measuresAgainstThePlatformAreOursAndNotInTheNotice(@Autowired org.springframework.jdbc.core.JdbcTemplate jdbc,
            @Autowired PlatformMeasureRecordRepository platformMeasures) {
        // A platform that refused six measures within the year: interview and suspension of its functions.
        String refusing = cases.submit(ComplaintCategory.RUMOUR, "kuaikan-toutiao",
                "https://kuaikan-toutiao.example/a/refused-" + System.nanoTime(), "refused").caseNumber();
        for (int i = 0; i < 6; i++) {
            jdbc.update("insert into measure_confirmation (case_number, measure, executed, note, reported_at)"
                    + " values (?, 'DELETE_CONTENT', false, 'refused', ?)", refusing,
                    java.sql.Timestamp.from(org.qinglang.common.EngineClock.now()));
        }
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "kuaikan-toutiao",
                "https://kuaikan-toutiao.example/a/platform-measures", "rumour_mill").caseNumber();
        cases.runDueJobs(caseNumber);
        ProcessInstance instance = cases.instance(caseNumber);
        verify(caseNumber, "SUBSTANTIATED", "谣言属实 Rumour confirmed");

        assertThat(instance).isWaitingAt("Task_AwaitPlatformResponse", "Task_TakePlatformMeasures");
        assertThat(instance).variables().containsEntry("platformMeasures", "PLATFORM_INTERVIEW,SUSPEND_PLATFORM_FUNCTIONS");
        // The notice orders what the platform does to its user's content; it does not order it to interview itself.
        MimeMessage notice = java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(m -> TestMail.subject(m).contains(caseNumber) && TestMail.subject(m).contains("限期整改通知"))
                .findFirst().orElseThrow();
        assertThat(TestMail.body(notice)).contains("删除违规内容").doesNotContain("约谈平台").doesNotContain("暂停平台相关功能")
                .doesNotContain("Interview the platform");
        Task measures = cases.task(caseNumber, "Task_TakePlatformMeasures");
        assertThat(measures).hasCandidateGroup("supervisors");

        assertThatThrownBy(() -> cases.complete(caseNumber, "Task_TakePlatformMeasures", "supervisor", Map.of(
                "platformMeasuresRecord", "约谈已进行，平台承诺整改。")))
                .hasMessageContaining("An interview needs its date and time");
        cases.complete(caseNumber, "Task_TakePlatformMeasures", "supervisor", Map.of(
                "interviewAt", "2026-12-10T10:00", "interviewPlace", "网信办三楼会议室 Room 301",
                "platformMeasuresRecord", "约谈平台负责人，责令暂停热搜功能七日。Interviewed; trending suspended for 7 days."));
        PlatformMeasureRecord record = platformMeasures.findForCase(caseNumber).orElseThrow();
        assertThat(record.getInterviewAt()).isEqualTo(java.time.Instant.parse("2026-12-10T02:00:00Z"));
        assertThat(record.getCarriedOutBy()).isEqualTo("supervisor");
        assertThat(record.getMeasures()).isEqualTo("PLATFORM_INTERVIEW,SUSPEND_PLATFORM_FUNCTIONS");
        assertThat(instance).hasPassed("EndEvent_PlatformMeasuresTaken").isWaitingAt("Task_AwaitPlatformResponse");
    }

    @Test
    void aCaseRectifiedInTimeCanBeATypicalCaseAndTheApproversEditIsRecorded() {
        String caseNumber = newCase(ComplaintCategory.RUMOUR, "https://shortvideo.example/v/typical-" + System.nanoTime(),
                "typical_rumour");
        verify(caseNumber, "SUBSTANTIATED", "谣言 Rumour");
        caseReplies.platformResponded(caseNumber, "已删除 Deleted", List.of());
        cases.runDueJobs(caseNumber);
        // The case worker proposes it; a summary naming the complainant is refused.
        assertThatThrownBy(() -> cases.complete(caseNumber, "Task_ReviewRectification", "caseworker", Map.of(
                "rectificationAdequate", true, "reviewNote", "已核查 Checked", "announce", true,
                "announcementSummary", "王先生举报的谣言")))
                .hasMessageContaining("must not name the complainant");
        cases.complete(caseNumber, "Task_ReviewRectification", "caseworker", Map.of(
                "rectificationAdequate", true, "reviewNote", "已核查 Checked", "announce", true,
                "announcementSummary", "某账号编造水库决堤谣言，平台已按期删除。"));
        assertThat(complaint(caseNumber).getOutcome()).isEqualTo(CaseOutcome.RECTIFIED);
        assertThat(cases.task(caseNumber, "Task_ApproveAnnouncement")).isNotNull();

        // The approver sharpens the summary: published as edited, the proposal and the editor kept.
        cases.complete(caseNumber, "Task_ApproveAnnouncement", "supervisor", Map.of("approved", true,
                "approvalNote", "同意 Approved", "announcementSummary", "某自媒体账号编造“水库决堤”谣言，平台已按期删除并处置。"));
        Announcement announcement = announcements.findByCaseNumber(caseNumber).orElseThrow();
        assertThat(announcement.getSummary()).isEqualTo("某自媒体账号编造“水库决堤”谣言，平台已按期删除并处置。");
        assertThat(announcement.getProposedSummary()).isEqualTo("某账号编造水库决堤谣言，平台已按期删除。");
        assertThat(announcement.getSummaryEditedBy()).isEqualTo("supervisor");
        assertThat(announcement.getMeasures()).contains("DELETE_CONTENT");
    }

    @Test
    void aCaseWorkerFlagsAnOffenceAndThePoliceGetTheEvidenceAsAPackageWhoseEveryDownloadIsRecorded(
            @Autowired ReferralPackages referrals) throws Exception {
        String caseNumber = newCase(ComplaintCategory.RUMOUR, "https://shortvideo.example/v/smear-" + System.nanoTime(),
                "smear_account");
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker", Map.of("verificationOutcome", "SUBSTANTIATED",
                "verificationNote", "捏造企业产品质量问题 Fabricated product defects",
                "criminalOffence", "DAMAGING_BUSINESS_REPUTATION"));
        assertThat(complaint(caseNumber).isCriminalLead()).isTrue();
        assertThat(complaint(caseNumber).getCriminalOffence()).isEqualTo("DAMAGING_BUSINESS_REPUTATION");
        assertThat(cases.instance(caseNumber)).hasPassed("Task_ReferCriminalLead");

        MimeMessage referral = TestMail.to(mail, "police-liaison@qinglang.local").stream()
                .filter(m -> TestMail.subject(m).contains(caseNumber)).findFirst().orElseThrow();
        String body = TestMail.body(referral);
        assertThat(body).contains("损害商业信誉、商品声誉");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://[^/]+(/police/referrals/\\S+)")
                .matcher(body);
        assertThat(link.find()).isTrue();

        var download = http.getForEntity(link.group(1), byte[].class);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(download.getBody()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries).containsKeys("summary.txt", "manifest.sha256");
        assertThat(entries.keySet().stream().filter(name -> name.startsWith("evidence/")))
                .hasSize(transaction.execute(status -> complaint(caseNumber).getEvidence().size()));
        // The manifest names every other file with its SHA-256, as sha256sum would check it.
        String[] manifest = new String(entries.get("manifest.sha256"), java.nio.charset.StandardCharsets.UTF_8)
                .split("\n");
        assertThat(manifest).hasSize(entries.size() - 1);
        for (String line : manifest) {
            String[] parts = line.split("  ", 2);
            assertThat(Sha256.hex(entries.get(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
        }
        assertThat(new String(entries.get("summary.txt"), java.nio.charset.StandardCharsets.UTF_8))
                .contains(caseNumber, "损害商业信誉、商品声誉", "wang@mail.example");

        // A link for another case, or none, gets nothing; staff download as themselves; each download is kept.
        assertThat(http.getForEntity(link.group(1).replace(caseNumber, caseNumber.substring(0,
                caseNumber.length() - 1) + "9"), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.getForEntity("/police/referrals/" + caseNumber + ".zip", String.class).getStatusCode()
                .value()).isEqualTo(404);
        assertThat(http.getForEntity("/staff/cases/" + caseNumber + "/referral.zip", String.class).getStatusCode()
                .value()).isEqualTo(401);
        assertThat(http.withBasicAuth("supervisor", "supervisor").getForEntity(
                "/staff/cases/" + caseNumber + "/referral.zip", byte[].class).getStatusCode().value()).isEqualTo(200);
        assertThat(referrals.downloadsOf(caseNumber)).extracting(d -> d.getDownloadedBy() + "/" + d.getChannel())
                .containsExactly("police-liaison/POLICE_LINK", "supervisor/STAFF");
        assertThat(referrals.downloadsOf(caseNumber).get(0).getPackageSha256()).isEqualTo(Sha256.hex(download.getBody()));
    }

    @Test
    void anExtortionCaseWaitsForThePoliceIsRemindedAndGoesOnWhenTheyDecide(@Autowired PoliceAnswers police) {
        String caseNumber = newCase(ComplaintCategory.EXTORTION_PAID_DELETION,
                "https://shortvideo.example/v/pay-to-delete-" + System.nanoTime(), "delete_for_money");
        ProcessInstance instance = cases.instance(caseNumber);
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker", Map.of("verificationOutcome", "SUBSTANTIATED",
                "verificationNote", "收钱删帖 Paid deletion", "criminalOffence", "EXTORTION"));
        // The police-liaison table says wait: the platform hears nothing yet, so the suspects are not warned.
        assertThat(instance).hasPassed("Task_ReferCriminalLead", "Task_DecidePoliceWait")
                .isWaitingAt("Task_AwaitPoliceAnswer").variables().containsEntry("waitForPolice", true)
                .containsEntry("policeAnswerWithin", "P15D");
        assertThat(java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(m -> TestMail.subject(m).contains(caseNumber) && TestMail.subject(m).contains("限期整改通知")))
                .isEmpty();

        cases.advance(caseNumber, Duration.ofDays(15).plusMinutes(1));
        assertThat(instance).hasPassed("Timer_PoliceAnswerDue", "Task_RemindPolice").isWaitingAt("Task_AwaitPoliceAnswer");
        assertThat(TestMail.to(mail, "police-liaison@qinglang.local")).anyMatch(m -> TestMail.subject(m)
                .contains(caseNumber) && TestMail.subject(m).contains("提醒"));

        police.answer(caseNumber, PoliceAnswer.Status.RECEIVED, null);
        assertThat(instance).isWaitingAt("Task_AwaitPoliceAnswer");
        police.answer(caseNumber, PoliceAnswer.Status.CASE_OPENED, "已立案侦查 Investigation opened");
        cases.runDueJobs(caseNumber);
        assertThat(instance).hasPassed("Task_AwaitPoliceAnswer", "Task_SendPlatformNotice")
                .isWaitingAt("Task_AwaitPlatformResponse").variables().containsEntry("policeAnswer", "CASE_OPENED");
        assertThat(police.of(caseNumber)).extracting(a -> a.getStatus().name()).containsExactly("RECEIVED", "CASE_OPENED");
    }

    @Test
    void aDefamationLeadIsReferredWithoutHoldingTheCase() {
        String caseNumber = newCase(ComplaintCategory.RUMOUR, "https://shortvideo.example/v/defame-" + System.nanoTime(),
                "defamer");
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker", Map.of("verificationOutcome", "SUBSTANTIATED",
                "verificationNote", "诽谤他人 Defames a person", "criminalOffence", "DEFAMATION"));
        assertThat(cases.instance(caseNumber)).hasPassed("Task_ReferCriminalLead", "Task_DecidePoliceWait")
                .hasNotPassed("Task_AwaitPoliceAnswer").isWaitingAt("Task_AwaitPlatformResponse");
    }

    private String enforcedCase(String account) {
        return enforcedCase(account, false);
    }

    private String enforcedCase(String account, boolean announce) {
        String caseNumber = newCase(ComplaintCategory.IMPERSONATION, "https://shortvideo.example/@" + account, account);
        verify(caseNumber, "SUBSTANTIATED", "假冒账号 Impersonation");
        cases.advance(caseNumber, Duration.ofDays(3).plusMinutes(1));
        Map<String, Object> decision = new java.util.HashMap<>(Map.of(
                "enforcementMeasures", List.of("CLOSE_ACCOUNT", "CLEAR_FOLLOWERS"), "furtherDeadline", "NONE",
                "enforcementNote", "关闭账号 Close the account", "announce", announce));
        if (announce) {
            decision.put("announcementSummary", "假冒政府机构账号 Impersonated a government body");
        }
        cases.complete(caseNumber, "Task_DecideEnforcement", "supervisor", decision);
        // The account measures are the platform's: the decision waits for its confirmation.
        assertThat(cases.instance(caseNumber)).isWaitingAt("Task_AwaitPlatformResponse");
        cases.confirmCompliance(caseNumber);
        if (announce) {
            cases.complete(caseNumber, "Task_ApproveAnnouncement", "supervisor2",
                    Map.of("approved", true, "approvalNote", "同意 Approved"));
        }
        return caseNumber;
    }

    private Task objectionTask(String caseNumber) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_DecideObjection").singleResult();
    }

    @Test
    void theAccountHolderIsToldWhyAndAnObjectionUpheldChangedOrRevokedChangesTheCase(
            @Autowired Objections objections, @Autowired org.qinglang.registry.ViolationRepository violations) {
        String revokedCase = enforcedCase("objector_" + System.nanoTime() % 100000, true);
        Announcement published = announcements.findByCaseNumber(revokedCase).orElseThrow();
        // The statement of reasons for the account holder travels with the decision, with the way to object.
        String document = textOf(decisionDocuments.issued(revokedCase, 1).orElseThrow().getPdf());
        assertThat(document).contains("处置理由告知书", "Statement of reasons", "/objections/" + revokedCase);

        objections.file(revokedCase, "该账号经官方授权，并非假冒。The account is authorised.");
        assertThatThrownBy(() -> objections.file(revokedCase, "again")).isInstanceOf(CaseNotAwaitingException.class);
        Task task = objectionTask(revokedCase);
        assertThat(task).hasCandidateGroup("supervisors");
        // Whoever decided may not decide the objection; a reason is always required.
        assertThatThrownBy(() -> identityAs("supervisor", () -> engine.getTaskService().claim(task.getId(),
                "supervisor"))).hasMessageContaining("Four-eyes");
        assertThatThrownBy(() -> cases.complete(revokedCase, "Task_DecideObjection", "supervisor2",
                Map.of("objectionOutcome", "REVOKED"))).hasMessageContaining("Give the reasons");
        cases.complete(revokedCase, "Task_DecideObjection", "supervisor2", Map.of("objectionOutcome", "REVOKED",
                "objectionNote", "授权属实，撤销原决定 Authorisation confirmed: decision revoked"));
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(revokedCase, "objection")
                .list().forEach(objection -> engine.getManagementService().createJobQuery()
                        .processInstanceId(objection.getId()).list()
                        .forEach(job -> engine.getManagementService().executeJob(job.getId())));
        assertThat(enforcementActions.findByCaseNumberOrderByEscalationLevel(revokedCase).get(0).isRevoked()).isTrue();
        assertThat(violations.existsByCaseNumber(revokedCase)).as("no longer counts against account or platform")
                .isFalse();
        assertThat(objections.canObject(revokedCase)).isFalse();
        // The typical case it was published as leaves the board; its page says only that and when.
        assertThat(announcements.findByCaseNumber(revokedCase).orElseThrow().isWithdrawn()).isTrue();
        assertThat(announcements.newestFirst(null, null, org.springframework.data.domain.PageRequest.of(0, 1000)))
                .noneMatch(a -> a.getCaseNumber().equals(revokedCase));
        var gone = http.getForEntity("/announcements/" + published.getId(), String.class);
        assertThat(gone.getStatusCode().value()).isEqualTo(410);
        assertThat(gone.getBody()).contains("撤下").doesNotContain("假冒政府机构账号");
        assertThat(TestMail.to(mail, "compliance@shortvideo.example")).anyMatch(m -> TestMail.subject(m)
                .contains(revokedCase) && TestMail.body(m).contains("撤销原决定"));

        String changedCase = enforcedCase("objector2_" + System.nanoTime() % 100000);
        objections.file(changedCase, "关闭账号过重 Closing the account is too harsh");
        assertThatThrownBy(() -> cases.complete(changedCase, "Task_DecideObjection", "supervisor2", Map.of(
                "objectionOutcome", "CHANGED", "objectionNote", "改为清空粉丝 Clear followers instead")))
                .hasMessageContaining("names the measures");
        cases.complete(changedCase, "Task_DecideObjection", "supervisor2", Map.of("objectionOutcome", "CHANGED",
                "changedMeasures", List.of("CLEAR_FOLLOWERS"), "objectionNote", "改为清空粉丝 Clear followers instead"));
        assertThat(enforcementActions.findByCaseNumberOrderByEscalationLevel(changedCase).get(0).getMeasures())
                .isEqualTo("CLEAR_FOLLOWERS");
        assertThat(objections.of(changedCase)).singleElement().satisfies(o -> {
            assertThat(o.getOutcome()).isEqualTo(Objection.Outcome.CHANGED);
            assertThat(o.getMeasuresBefore()).isEqualTo("CLOSE_ACCOUNT,CLEAR_FOLLOWERS");
            assertThat(o.getDecidedBy()).isEqualTo("supervisor2");
        });
        assertThat(violations.existsByCaseNumber(changedCase)).isTrue();
    }

    @Test
    void accountMeasuresOfADecisionWaitForThePlatformAndSilenceClimbsTheLadder() {
        String caseNumber = newCase(ComplaintCategory.IMPERSONATION, "https://weibo.example/u/silent", "silent_fake");
        verify(caseNumber, "SUBSTANTIATED", "假冒账号 Impersonation");
        cases.advance(caseNumber, Duration.ofDays(3).plusMinutes(1));
        Instant decided = ClockUtil.getCurrentTime().toInstant();
        cases.complete(caseNumber, "Task_DecideEnforcement", "supervisor", Map.of(
                "enforcementMeasures", List.of("CLOSE_ACCOUNT", "INTERVIEW"), "furtherDeadline", "NONE",
                "enforcementNote", "关闭账号 Close the account", "announce", false));
        // No further deadline was set, yet the account's closure is ordered: the platform has the decision
        // document's three working days to confirm it, and only the orders about the account are asked of it.
        assertThat(cases.instance(caseNumber)).isWaitingAt("Task_AwaitPlatformResponse");
        assertThat(caseReplies.orderedMeasures(caseNumber)).contains("CLOSE_ACCOUNT").doesNotContain("INTERVIEW");
        assertThat(complaint(caseNumber).getRectificationDueAt()).isBetween(workingDays.plusWorkingDays(decided, 3),
                workingDays.plusWorkingDays(decided.plusSeconds(60), 3));
        cases.advancePastRectificationDeadline(caseNumber);
        assertThat(cases.instance(caseNumber)).isWaitingAt("Task_DecideEnforcement")
                .variables().containsEntry("furtherNoticeAllowed", false);
        assertThat(complaint(caseNumber).getEscalationLevel()).isEqualTo(1);
    }

    @Test
    void aMeasureThePlatformRefusedClimbsTheLadder() {
        String caseNumber = newCase(ComplaintCategory.IMPERSONATION, "https://weibo.example/u/refused", "fake_bureau");
        verify(caseNumber, "SUBSTANTIATED", "假冒政府机构 Impersonates a government body");
        List<String> ordered = caseReplies.orderedMeasures(caseNumber);
        assertThat(ordered).isNotEmpty();
        List<MeasureConfirmation.Report> reports = new java.util.ArrayList<>();
        reports.add(new MeasureConfirmation.Report(ordered.get(0), false, null, "用户量大，不便关闭 Too many followers"));
        ordered.stream().skip(1).forEach(code -> reports.add(MeasureConfirmation.Report.read(code, true,
                "2026-01-02T09:30", null)));
        caseReplies.platformResponded(caseNumber, "部分执行 Partly done", List.of(), reports);
        cases.runDueJobs(caseNumber);

        // The case worker cannot call it adequate while a measure is refused; nothing moves.
        assertThatThrownBy(() -> cases.complete(caseNumber, "Task_ReviewRectification", "caseworker",
                Map.of("rectificationAdequate", true, "reviewNote", "OK")))
                .hasMessageContaining("did not carry out").hasMessageContaining("不能判定整改到位");
        assertThat(cases.instance(caseNumber)).isWaitingAt("Task_ReviewRectification");
        cases.complete(caseNumber, "Task_ReviewRectification", "caseworker",
                Map.of("rectificationAdequate", false, "reviewNote", "拒不执行 Refused"));
        // The next rung, with the ladder's measures suggested to the supervisor.
        assertThat(cases.instance(caseNumber)).hasPassed("Task_ProposeNextLevel").isWaitingAt("Task_DecideEnforcement");
        assertThat((String) engine.getRuntimeService().getVariable(cases.instance(caseNumber).getId(),
                "suggestedMeasuresText")).isNotBlank();
    }

    @Test
    void rejectedAnnouncementIsNotPublished() {
        String caseNumber = newCase(ComplaintCategory.ILLEGAL_PROFITEERING, "https://shortvideo.example/live/1",
                "fake_disaster_live");
        Instant before = ClockUtil.getCurrentTime().toInstant();
        verify(caseNumber, "SUBSTANTIATED", "摆拍灾情直播 Staged disaster livestream");
        Instant after = ClockUtil.getCurrentTime().toInstant();
        // MEDIUM: "5 working days" on the calendar of bpmn/working-days.json, the timer as the case file.
        Date dueAt = (Date) engine.getRuntimeService().getVariable(cases.instance(caseNumber).getId(),
                "rectificationDueAt");
        assertThat(dueAt.toInstant()).isBetween(workingDays.plusWorkingDays(before, 5),
                workingDays.plusWorkingDays(after, 5)).isEqualTo(complaint(caseNumber).getRectificationDueAt());
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(cases.instance(caseNumber).getId())
                .activityId("Timer_RectificationDeadline").singleResult().getDuedate()).isEqualTo(dueAt);
        cases.advancePastRectificationDeadline(caseNumber);
        // The supervisor's task is due in "2 working days", as the engine's business calendar counts them.
        Instant decisionAsked = ClockUtil.getCurrentTime().toInstant();
        assertThat(cases.task(caseNumber, "Task_DecideEnforcement").getDueDate().toInstant())
                .isBetween(workingDays.plusWorkingDays(decisionAsked.minusSeconds(60), 2),
                        workingDays.plusWorkingDays(decisionAsked, 2));
        // A summary that names the complainant is refused.
        assertThatThrownBy(() -> cases.complete(caseNumber, "Task_DecideEnforcement", "supervisor", Map.of(
                "enforcementMeasures", List.of("SUSPEND_FUNCTIONS"), "enforcementNote", "暂停营利",
                "announce", true, "announcementSummary", "王先生举报的直播间")))
                .hasMessageContaining("complainant");
        cases.complete(caseNumber, "Task_DecideEnforcement", "supervisor", Map.of(
                "enforcementMeasures", List.of("SUSPEND_FUNCTIONS"), "enforcementNote", "暂停直播功能",
                "furtherDeadline", "NONE", "announce", true, "announcementSummary", "摆拍灾情直播骗取打赏"));
        cases.complete(caseNumber, "Task_ApproveAnnouncement", "supervisor2",
                Map.of("approved", false, "approvalNote", "不具典型性 Not typical"));

        // (Measures against the platform, if its record calls for them, may still be under way.)
        String instanceId = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).singleResult().getId();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId("EndEvent_AnnouncementRejected").finished().count()).isEqualTo(1);
        assertThat(announcements.findByCaseNumber(caseNumber)).isEmpty();
    }

    @Test
    void caseWorkerCorrectsCategoryPlatformLinkAndAccountAtVerification() {
        String caseNumber = newCase(ComplaintCategory.RUMOUR, "https://shortvideo.example/v/misread", "misread");
        ProcessInstance instance = cases.instance(caseNumber);
        assertThat(instance).variables().containsKey("platformOptions");

        assertThatThrownBy(() -> cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker", Map.of(
                "contentUrl", "javascript:alert(1)", "verificationOutcome", "SUBSTANTIATED",
                "verificationNote", "x")))
                .hasMessageContaining("Invalid URL");
        assertThat(instance).isWaitingAt("Task_VerifyComplaint");

        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker", Map.of(
                "category", "EXTORTION_PAID_DELETION", "platformCode", "weiyu-social",
                "contentUrl", "https://weiyu.example/p/pay-to-delete", "accountName", "删帖中介",
                "verificationOutcome", "SUBSTANTIATED", "verificationNote", "实为有偿删帖 Paid deletion"));

        Complaint corrected = complaint(caseNumber);
        assertThat(corrected.getCategory()).isEqualTo(ComplaintCategory.EXTORTION_PAID_DELETION);
        assertThat(corrected.getPlatformCode()).isEqualTo("weiyu-social");
        assertThat(corrected.getAccountName()).isEqualTo("删帖中介");
        assertThat(corrected.getSeverity()).isEqualTo("CRITICAL");
        assertThat(corrected.isCriminalLead()).isTrue();
        assertThat(corrected.getResponsibleOffice()).contains("Guangdong");
        assertThat(instance).hasPassed("Gateway_Corrected", "Task_ReferCriminalLead")
                .isWaitingAt("Task_AwaitPlatformResponse");
        assertThat(historicCount(instance, "Task_GradeSeverity")).as("triaged at intake and again").isEqualTo(2);
        assertThat(historicCount(instance, "Task_CheckDuplicate")).as("the duplicate check runs at intake only")
                .isEqualTo(1);
        assertThat(TestMail.to(mail, "report@weiyu.example")).hasSize(1);
        // The decision variables show the case file's triage; the transient marks of the correction are gone.
        assertThat(instance).variables().containsEntry("severity", "CRITICAL").containsEntry("criminalLead", true)
                .containsEntry("category", "EXTORTION_PAID_DELETION").doesNotContainKeys("triageAgain", "correctedBy");
    }

    @Test
    void aCorrectedCaseStartedByAnEarlierVersionIsNotifiedOnItsNewTriageDeadline() {
        String caseNumber = newCase(ComplaintCategory.RUMOUR, "https://shortvideo.example/v/earlier", "earlier");
        ProcessInstance instance = cases.instance(caseNumber);
        // Cases started before noticeDeadline meant only a further deadline hold a copy of triage's.
        engine.getRuntimeService().setVariable(instance.getId(), "noticeDeadline", "P30D");

        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker", Map.of(
                "category", "EXTORTION_PAID_DELETION", "verificationOutcome", "SUBSTANTIATED",
                "verificationNote", "实为有偿删帖 Paid deletion"));

        assertThat(instance).isWaitingAt("Task_AwaitPlatformResponse");
        assertThat(complaint(caseNumber).getRectificationDueAt())
                .isBefore(java.time.Instant.now().plus(java.time.Duration.ofDays(7)));
    }

    @Autowired
    OutcomeReviews outcomeReviews;

    @Test
    void complainantAsksForAReviewOfTheOutcomeOnceWithinSixMonths() {
        String caseNumber = newCase(ComplaintCategory.RUMOUR, "https://shortvideo.example/v/review", "reviewed");
        verify(caseNumber, "UNFOUNDED", "内容属实报道 The report was accurate");
        assertThat(outcomeReviews.canRequest(complaint(caseNumber))).isTrue();

        outcomeReviews.request(caseNumber, "我有新的证据 I have new evidence");
        assertThatThrownBy(() -> outcomeReviews.request(caseNumber, "again")).isInstanceOf(
                CaseNotAwaitingException.class);
        ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber, OutcomeReviews.PROCESS_KEY).singleResult();
        assertThat(review).isWaitingAt("Task_ReviewOutcome");
        Task reviewTask = engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).singleResult();
        assertThat(reviewTask).hasCandidateGroup("supervisors");
        assertThat(reviewTask.getDueDate()).isNotNull();

        identityAs("supervisor", () -> {
            engine.getTaskService().claim(reviewTask.getId(), "supervisor");
            engine.getTaskService().complete(reviewTask.getId(), Map.of("reviewDecision", "UPHELD",
                    "reviewNote", "经复核维持原结论 Upheld after review"));
        });
        engine.getManagementService().createJobQuery().processInstanceId(review.getId()).list()
                .forEach(job -> engine.getManagementService().executeJob(job.getId()));

        assertThat(review).isEnded().hasPassed("Task_NotifyReviewResult", "EndEvent_ReviewAnswered");
        assertThat(complaint(caseNumber).getReviewOutcome()).contains("维持原处理结果").contains("Upheld after review");
        assertThat(TestMail.to(mail, "wang@mail.example")).anyMatch(m -> TestMail.subject(m).contains("复核结果"));

        String fresh = newCase(ComplaintCategory.RUMOUR, "https://shortvideo.example/v/late-review", "late");
        verify(fresh, "UNFOUNDED", "不实 unfounded");
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(185).toMillis()));
        assertThat(outcomeReviews.canRequest(complaint(fresh))).isFalse();
    }

    @Test
    void aReviewThatFindsTheOutcomeWrongReopensTheCaseIntoVerificationAndNoOneReviewsTheirOwnDecision() {
        String caseNumber = newCase(ComplaintCategory.IMPERSONATION, "https://shortvideo.example/@reopened_" + System.nanoTime(),
                "@reopened");
        verify(caseNumber, "SUBSTANTIATED", "假冒账号 Impersonation");
        cases.advance(caseNumber, Duration.ofDays(3).plusMinutes(1));
        cases.complete(caseNumber, "Task_DecideEnforcement", "supervisor", Map.of(
                "enforcementMeasures", List.of("SUSPEND_FUNCTIONS"), "furtherDeadline", "NONE",
                "enforcementNote", "暂停功能 Suspend functions", "announce", false));
        assertThat(complaint(caseNumber).getStage()).isEqualTo(CaseStage.CLOSED);
        assertThat(complaint(caseNumber).getOutcomeDecidedBy()).isEqualTo("supervisor");

        outcomeReviews.request(caseNumber, "账号并非假冒，是官方授权的 The account was authorised");
        ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber, OutcomeReviews.PROCESS_KEY).singleResult();
        Task reviewTask = engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).singleResult();
        // The supervisor who decided may not review the decision; another supervisor does.
        assertThatThrownBy(() -> identityAs("supervisor", () -> engine.getTaskService().claim(reviewTask.getId(),
                "supervisor"))).hasMessageContaining("Four-eyes");
        identityAs("supervisor2", () -> {
            engine.getTaskService().claim(reviewTask.getId(), "supervisor2");
            engine.getTaskService().complete(reviewTask.getId(), Map.of("reviewDecision", "REOPENED",
                    "reviewNote", "授权文件属实，应重新核实 The authorisation is genuine: verify again"));
        });
        engine.getManagementService().createJobQuery().processInstanceId(review.getId()).list()
                .forEach(job -> engine.getManagementService().executeJob(job.getId()));
        assertThat(review).isEnded().hasPassed("Task_ReopenCase", "Task_NotifyReviewResult");

        // The case is handled again from verification, its evidence checked anew, the reviewer's reason in view.
        Complaint reopened = complaint(caseNumber);
        assertThat(reopened.getStage()).isEqualTo(CaseStage.UNDER_VERIFICATION);
        assertThat(reopened.getOutcome()).isNull();
        assertThat(reopened.getReopenReason()).contains("授权文件属实");
        Task verification = cases.task(caseNumber, "Task_VerifyComplaint");
        assertThat(verification).isNotNull();
        ProcessInstance again = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(verification.getProcessInstanceId()).singleResult();
        assertThat(again).hasPassed("StartEvent_CaseReopened", "Task_RegisterComplaint", "Task_RecordTriage")
                .variables().containsEntry("reopenReason", reopened.getReopenReason())
                .containsKeys("evidenceSummary", "platformOptions", "verificationDueAt");
        assertThat(TestMail.to(mail, "wang@mail.example")).anyMatch(m -> TestMail.subject(m).contains("复核结果")
                && TestMail.body(m).contains("重新办理"));

        // The second verification finds it unfounded: a new outcome, reached again through the process.
        verify(caseNumber, "UNFOUNDED", "官方授权账号 An authorised account");
        assertThat(complaint(caseNumber).getOutcome()).isEqualTo(CaseOutcome.UNFOUNDED);
    }

    private void identityAs(String user, Runnable action) {
        engine.getIdentityService().setAuthentication(user, engine.getIdentityService().createGroupQuery()
                .groupMember(user).list().stream().map(g -> g.getId()).toList());
        try {
            action.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void noticeThatCannotBeSentIsRetriedThenRaisesAnIncidentAndIsSentOnceWhenMailIsBack() {
        String caseNumber = newCase(ComplaintCategory.RUMOUR, "https://shortvideo.example/v/fake-flood", "flood_fake");
        ProcessInstance instance = cases.instance(caseNumber);
        mail.stop();
        assertThatThrownBy(() -> verify(caseNumber, "SUBSTANTIATED", "旧闻新炒 Old news presented as new"))
                .hasMessageContaining("Mail server connection failed");

        Job notice = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("Task_SendPlatformNotice").singleResult();
        assertThat(notice.getRetries()).isEqualTo(2);
        assertThat(notice.getDuedate()).isAfterOrEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 299_000));
        for (int attempt = 2; attempt <= 3; attempt++) {
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(5).toMillis()
                    + 1000));
            assertThatThrownBy(() -> engine.getManagementService().executeJob(notice.getId()));
        }
        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId())
                .singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_SendPlatformNotice");
        assertThat(incident.getIncidentType()).isEqualTo("failedJob");

        mail.start();
        engine.getManagementService().setJobRetries(notice.getId(), 1); // as an operator does in Cockpit
        cases.advance(caseNumber, Duration.ofMinutes(5).plusSeconds(1));

        assertThat(instance).isWaitingAt("Task_AwaitPlatformResponse");
        assertThat(TestMail.to(mail, "compliance@shortvideo.example")).hasSize(1)
                .allSatisfy(m -> assertThat(TestMail.messageId(m)).matches("<notice-" + caseNumber + "\\.[0-9a-f]{24}@qinglang\\.local>"));
        assertThat(sentMails.existsByDedupKey("platform-notice-" + caseNumber + "-0")).isTrue();
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
                .isZero();

        // The step run once more, as a retry after a later failure would (or an operator in Cockpit), sends nothing.
        engine.getRuntimeService().createProcessInstanceModification(instance.getId())
                .startBeforeActivity("Task_SendPlatformNotice").execute();
        cases.runDueJobs(caseNumber);
        assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(instance.getId())
                .activityId("Task_AwaitPlatformResponse").count()).isEqualTo(2);
        assertThat(TestMail.to(mail, "compliance@shortvideo.example")).hasSize(1);
    }

    private long historicCount(ProcessInstance instance, String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityId(activityId).count();
    }

    private List<MimeMessage> decisionDocuments() {
        return java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(m -> TestMail.subject(m).contains("处置决定书")).toList();
    }

    static byte[] pdfOf(MimeMessage message) {
        return TestMail.attachment(message, "application/pdf");
    }

    static String textOf(byte[] pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
