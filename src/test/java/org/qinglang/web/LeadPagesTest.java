package org.qinglang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.casefile.CaseOrigin;
import org.qinglang.casefile.Complaint;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.security.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Cases without a complainant: a media investigation (its source for the responsible office only), a
 * proactive screening, a platform's own inspection through its signed link. Each runs the process
 * from registration to verification and on; nobody is written to as a complainant.
 */
@QinglangTest
@AutoConfigureMockMvc
class LeadPagesTest {

    @RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension mail = TestMail.server();

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseDriver cases;
    @Autowired
    ComplaintRepository complaints;
    @Autowired
    AccessTokens tokens;
    @Autowired
    JdbcTemplate jdbc;

    private String openAs(String userId, String origin, String url, String sourceNote) throws Exception {
        String location = mvc.perform(post("/staff/leads/new").param("origin", origin).param("category", "RUMOUR")
                        .param("platform", "kuaikan-toutiao").param("url", url).param("accountName", "造谣号")
                        .param("description", "暗访发现该账号有偿发布不实信息 paid false posts").param("sourceNote", "线人 A（记者）")
                        .with(user(userId).roles("case-workers")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/staff/cases/QL-");
        return location.substring("/staff/cases/".length());
    }

    private long mailsOf(String caseNumber) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE case_number = ?", Long.class, caseNumber)
                + jdbc.queryForObject("SELECT COUNT(*) FROM sent_mail WHERE case_number = ?", Long.class, caseNumber);
    }

    private String caseFile(String caseNumber, String userId) throws Exception {
        return mvc.perform(get("/staff/cases/" + caseNumber).param("lang", "zh-CN").with(user(userId).roles("case-workers")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theFormOpensWithTheOriginsAndThePlatformsLinks() throws Exception {
        String page = mvc.perform(get("/staff/leads/new").param("lang", "zh-CN").with(user("caseworker").roles("case-workers")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("媒体暗访", "大排查", "/platform/self-inspection/weiyu-social?token=")
                .contains("<strong>微语社区</strong>").doesNotContain("<strong>weiyu-social</strong>");
    }

    @Test
    void aMediaInvestigationRunsTheProcessWithItsSourceForTheOfficeOnlyAndNoComplainantMail() throws Exception {
        String caseNumber = openAs("caseworker", "MEDIA_INVESTIGATION",
                "https://kuaikan-toutiao.example/a/undercover-" + System.nanoTime(), "线人 A（记者）");
        cases.runDueJobs(caseNumber);

        assertThat(cases.instance(caseNumber)).isWaitingAt("Task_VerifyComplaint")
                .hasPassed("Task_RegisterComplaint", "Task_AcknowledgeComplaint", "Task_GradeSeverity");
        Complaint lead = complaints.findByCaseNumber(caseNumber).orElseThrow();
        assertThat(lead.getOrigin()).isEqualTo(CaseOrigin.MEDIA_INVESTIGATION);
        assertThat(lead.hasComplainant()).isFalse();
        assertThat(lead.getOpenedBy()).isEqualTo("caseworker");
        assertThat(mailsOf(caseNumber)).isZero();

        // The confidential source: the responsible office sees it, another office does not.
        assertThat(caseFile(caseNumber, "caseworker")).contains("无举报人：本案来自媒体暗访").contains("线人 A（记者）");
        assertThat(caseFile(caseNumber, "caseworker-sh")).contains("无举报人：本案来自媒体暗访")
                .doesNotContain("线人 A（记者）");

        // From verification on, the same process: substantiated, the platform gets its notice; nobody else mail.
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "SUBSTANTIATED", "verificationNote", "暗访属实 substantiated"));
        cases.runDueJobs(caseNumber);
        assertThat(cases.instance(caseNumber)).hasPassed("Task_SendPlatformNotice");
        List<String> recipients = jdbc.queryForList("SELECT recipient FROM sent_mail WHERE case_number = ?", String.class,
                caseNumber);
        assertThat(recipients).isNotEmpty().allMatch(r -> r.contains("kuaikan"));
    }

    @Test
    void aProactiveScreeningOpensACaseAndAnIncompleteOneIsRefusedWithTheField() throws Exception {
        String caseNumber = openAs("caseworker", "PROACTIVE_SCREENING",
                "https://kuaikan-toutiao.example/a/screening-" + System.nanoTime(), "");
        cases.runDueJobs(caseNumber);
        assertThat(cases.instance(caseNumber)).isWaitingAt("Task_VerifyComplaint");
        assertThat(complaints.findByCaseNumber(caseNumber).orElseThrow().getOrigin())
                .isEqualTo(CaseOrigin.PROACTIVE_SCREENING);

        String refused = mvc.perform(post("/staff/leads/new").param("origin", "PROACTIVE_SCREENING")
                        .param("category", "RUMOUR").param("platform", "kuaikan-toutiao").param("url", "not a link")
                        .param("description", "x").param("lang", "en")
                        .with(user("caseworker").roles("case-workers")).with(csrf()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"lead-error\"").contains("url");
        // A citizen's complaint is not a lead, and nobody opens one without the page's token.
        mvc.perform(post("/staff/leads/new").param("origin", "COMPLAINT").param("category", "RUMOUR")
                        .param("platform", "kuaikan-toutiao").param("url", "https://kuaikan-toutiao.example/a/x")
                        .param("description", "not a lead").with(user("caseworker").roles("case-workers")).with(csrf()))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/staff/leads/new").param("origin", "PROACTIVE_SCREENING").param("category", "RUMOUR")
                        .param("platform", "kuaikan-toutiao").param("url", "https://kuaikan-toutiao.example/a/y")
                        .param("description", "no token").with(user("caseworker").roles("case-workers")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPlatformReportsItsOwnInspectionThroughItsSignedLinkOnly() throws Exception {
        String token = tokens.issue(AccessTokens.Purpose.PLATFORM_SELF_INSPECTION, "weiyu-social");
        mvc.perform(get("/platform/self-inspection/weiyu-social").param("token", token)).andExpect(status().isOk());
        // Another platform's name with this link, another purpose's token, none: not found.
        mvc.perform(get("/platform/self-inspection/kuaikan-toutiao").param("token", token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/platform/self-inspection/weiyu-social")
                .param("token", tokens.issue(AccessTokens.Purpose.PLATFORM_RESPONSE, "weiyu-social")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/platform/self-inspection/kuaikan-toutiao").param("token", token).with(csrf())
                .param("category", "RUMOUR").param("url", "https://kuaikan-toutiao.example/a/z")
                .param("description", "forged")).andExpect(status().isNotFound());

        String page = mvc.perform(post("/platform/self-inspection/weiyu-social").param("token", token).with(csrf())
                        .param("category", "ILLEGAL_PROFITEERING").param("url", "https://weiyu.example/p/self-" + System.nanoTime())
                        .param("accountName", "带货号").param("description", "自查发现违规营利账号，已先行限流 found and throttled"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("QL-\\d{4}-\\d{6}").matcher(page);
        assertThat(number.find()).isTrue();
        String caseNumber = number.group();
        cases.runDueJobs(caseNumber);
        Complaint reported = complaints.findByCaseNumber(caseNumber).orElseThrow();
        assertThat(reported.getOrigin()).isEqualTo(CaseOrigin.PLATFORM_SELF_INSPECTION);
        assertThat(reported.getPlatformCode()).isEqualTo("weiyu-social");
        assertThat(cases.instance(caseNumber)).isWaitingAt("Task_VerifyComplaint");
        assertThat(mailsOf(caseNumber)).isZero();
    }
}
