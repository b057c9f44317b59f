package org.qinglang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.announcement.Announcement;
import org.qinglang.announcement.AnnouncementRepository;
import org.qinglang.casework.OutcomeReviews;
import org.qinglang.common.EngineClock;
import org.qinglang.casefile.CaseStage;
import org.qinglang.casefile.Complaint;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.security.AccessTokens;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/** The pages complainants, platforms and the public use, with CSRF, validation and both languages. */
@QinglangTest
@AutoConfigureMockMvc
class PublicPagesTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    static int unique;

    @Autowired
    MockMvc mvc;
    @Autowired
    ComplaintRepository complaints;
    @Autowired
    AnnouncementRepository announcements;
    @Autowired
    AccessTokens tokens;
    @Autowired
    CaseDriver cases;
    @Autowired
    IntakeRateLimiter rateLimiter;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    org.qinglang.casework.CaseReplies replies;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder complaint(
            String url) {
        return (org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder) multipart(
                "/complaints/new")
                .file(new MockMultipartFile("evidence", "截图.png", "image/png", PNG))
                .param("category", "IMPERSONATION").param("reporterType", "CITIZEN").param("platform", "weiyu-social")
                .param("urls", url + "\nhttps://weiyu.example/other")
                .param("accountName", "假官方").param("description", "冒充官方机构发布虚假通知<script>alert(1)</script>")
                .param("name", "赵女士").param("email", "zhao@mail.example").param("goodFaith", "true");
    }

    private String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void complaintFormExplainsTheCategoriesInChineseAndEnglish() throws Exception {
        String chinese = body(mvc.perform(get("/complaints/new")).andExpect(status().isOk()).andReturn());
        assertThat(chinese).contains("网络敲诈和有偿删帖").contains("以删除或不发布负面信息为由索要钱财")
                .contains("name=\"_csrf\"").contains("lang=\"zh-CN\"");
        String english = body(mvc.perform(get("/complaints/new").param("lang", "en")).andExpect(status().isOk())
                .andReturn());
        assertThat(english).contains("Online extortion and paid post deletion")
                .contains("Demanding money to remove or not publish negative content").contains("lang=\"en\"");
    }

    @Test
    void filedComplaintGetsACaseNumberAndAPrivateStatusLink() throws Exception {
        String url = "https://weiyu.example/u/fake-" + ++unique;
        MvcResult result = mvc.perform(complaint(url).with(csrf())).andExpect(status().isOk()).andReturn();

        String page = body(result);
        assertThat(page).contains("举报已受理").containsPattern("QL-\\d{4}-\\d{6}");
        Complaint stored = transaction.execute(s -> {
            Complaint c = complaints.findAll().stream().filter(x -> x.getContentUrl().equals(url)).findFirst()
                    .orElseThrow();
            c.getEvidence().size();
            return c;
        });
        assertThat(stored.getSource().name()).isEqualTo("WEB");
        assertThat(stored.getDescription()).contains("https://weiyu.example/other");
        assertThat(stored.getEvidence()).anyMatch(e -> "截图.png".equals(e.getFileName())
                && "image/png".equals(e.getContentType()));
        String statusLink = page.replaceAll("(?s).*id=\"status-link\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        String status = body(mvc.perform(get(statusLink)).andExpect(status().isOk()).andReturn());
        assertThat(status).contains(stored.getCaseNumber()).contains("已受理").doesNotContain("zhao@mail.example");
    }

    @Test
    void formWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(complaint("https://weiyu.example/u/csrf")).andExpect(status().isForbidden());
    }

    @Test
    void invalidInputIsShownNextToTheFieldAndNothingIsStored() throws Exception {
        long before = complaints.count();
        String page = body(mvc.perform(multipart("/complaints/new")
                        .file(new MockMultipartFile("evidence", "virus.png", "image/png", "MZ\u0090\u0000".getBytes()))
                        .param("platform", "").param("urls", "javascript:alert(1)").param("description", "short")
                        .param("name", "").param("email", "nope").param("phone", "call me").with(csrf()))
                .andExpect(status().isOk()).andReturn());

        assertThat(page).contains("请更正下列标出的内容").contains("必填").contains("邮箱地址无效").contains("电话号码无效")
                .contains("请用 10 至 20000 字说明举报内容").contains("请确认如实举报承诺")
                .contains("仅接受图片（PNG、JPEG、GIF、WebP）和 PDF 文件");
        assertThat(complaints.count()).isEqualTo(before);

        String badUrl = body(mvc.perform(complaint("ftp://weiyu.example/x").with(csrf())).andReturn());
        assertThat(badUrl).contains("请填写以 http:// 或 https:// 开头的网址");
        assertThat(complaints.count()).isEqualTo(before);
    }

    @Test
    void oneAddressCannotFloodTheIntake() throws Exception {
        try {
            while (true) {
                rateLimiter.acquire("127.0.0.1"); // use up what this address may send this hour
            }
        } catch (org.qinglang.web.TooManyComplaintsException usedUp) {
            // as it should
        }
        try {
            String page = body(mvc.perform(complaint("https://weiyu.example/u/flood").with(csrf()))
                    .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After")).andReturn());
            assertThat(page).contains("提交的举报过多");
        } finally {
            rateLimiter.reset("127.0.0.1");
        }
    }

    @Test
    void aComplainantLooksUpTheirCaseByNumberAndAddressAndNobodyElseLearnsAnything() throws Exception {
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/p/lookup-" + ++unique, "poster").caseNumber();
        assertThat(body(mvc.perform(get("/")).andReturn())).contains("href=\"/complaints/lookup\"", "查询我的举报");
        String wrong = body(mvc.perform(post("/complaints/lookup").param("caseNumber", caseNumber)
                .param("email", "someone-else@mail.example").with(csrf())).andExpect(status().isOk()).andReturn());
        String unknown = body(mvc.perform(post("/complaints/lookup").param("caseNumber", "QL-2026-999999")
                .param("email", "wang@mail.example").with(csrf())).andExpect(status().isOk()).andReturn());
        String right = body(mvc.perform(post("/complaints/lookup").param("caseNumber", caseNumber.toLowerCase())
                .param("email", "WANG@mail.example").with(csrf())).andExpect(status().isOk()).andReturn());
        // The same answer in every case.
        assertThat(wrong).contains("id=\"lookup-sent\"");
        assertThat(unknown).contains("id=\"lookup-sent\"");
        assertThat(right).contains("id=\"lookup-sent\"");
        cases.runDueJobs(caseNumber);
        org.awaitility.Awaitility.await().dontCatchUncaughtExceptions().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TestMail.to(mail, "wang@mail.example")).filteredOn(m -> TestMail.subject(m)
                        .contains("案件页面链接")).singleElement().satisfies(m -> assertThat(TestMail.body(m))
                        .contains("/complaints/" + caseNumber + "?token=")));
        assertThat(TestMail.to(mail, "someone-else@mail.example")).isEmpty();
        // The browser's language when the visitor chose none.
        assertThat(body(mvc.perform(get("/").header("Accept-Language", "en-GB,en;q=0.9")).andReturn()))
                .contains("Look up my case");
        assertThat(body(mvc.perform(get("/").header("Accept-Language", "zh-TW,en;q=0.5")).andReturn()))
                .contains("查询我的举报");
    }

    @Test
    void statusPageOffersToAddInformationWhileTheCaseWaitsForIt() throws Exception {
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/p/status-" + ++unique, "poster").caseNumber();
        cases.runDueJobs(caseNumber);
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "NEEDS_INFO", "verificationNote", "请补充截图"));
        String token = tokens.issue(AccessTokens.Purpose.COMPLAINANT_STATUS, caseNumber);

        String page = body(mvc.perform(get("/complaints/" + caseNumber).param("token", token).param("lang", "en"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("Waiting for your additional information").contains("id=\"information-form\"")
                .doesNotContain("id=\"review-form\"");
        // What was reported and sent, what the case worker asks, each stage's date; every field labelled.
        assertThat(page).contains("What you reported", "https://weiyu.example/p/status-" + unique, "screenshot.png",
                "What we sent you", "The case worker asks:", "请补充截图", "for=\"information-files\"");
        assertThat(page).containsPattern("<span>Received</span>\\s*<time>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}</time>")
                .containsPattern("<span>Under verification</span>\\s*<time>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}</time>")
                .containsPattern("<li class=\"current\"><span>Waiting for your additional information</span>");
        cases.runDueJobs(caseNumber);
        assertThat(TestMail.to(mail, "wang@mail.example")).anySatisfy(m -> assertThat(TestMail.body(m))
                .contains("/complaints/" + caseNumber + "?token="));

        mvc.perform(multipart("/complaints/" + caseNumber + "/information").file(new MockMultipartFile("evidence",
                        "more.png", "image/png", PNG)).param("token", token).param("text", "补充截图见附件").with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(complaints.findByCaseNumber(caseNumber).orElseThrow().getStage())
                .isEqualTo(CaseStage.UNDER_VERIFICATION);
        assertThat(cases.task(caseNumber, "Task_VerifyComplaint")).isNotNull();

        // Unfounded now: the page offers a review, which starts the review process once.
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "UNFOUNDED", "verificationNote", "不实"));
        assertThat(body(mvc.perform(get("/complaints/" + caseNumber).param("token", token)).andReturn()))
                .contains("id=\"review-form\"").contains("举报不实");
        mvc.perform(post("/complaints/" + caseNumber + "/review").param("token", token)
                .param("reason", "有新证据").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber, OutcomeReviews.PROCESS_KEY).count()).isEqualTo(1);
        assertThat(body(mvc.perform(get("/complaints/" + caseNumber).param("token", token)).andReturn()))
                .doesNotContain("id=\"review-form\"");
    }

    @Test
    void wrongOrMissingTokensShowAReadableNotFoundPage() throws Exception {
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/p/token-" + ++unique, "poster").caseNumber();
        for (String path : new String[] {"/complaints/" + caseNumber, "/complaints/" + caseNumber + "?token=x",
            "/platform/respond/" + caseNumber + "?token="
                    + tokens.issue(AccessTokens.Purpose.COMPLAINANT_STATUS, caseNumber)}) {
            String page = body(mvc.perform(get(path)).andExpect(status().isNotFound()).andReturn());
            assertThat(page).contains("页面不存在").doesNotContain("Exception");
        }
    }

    @Test
    void platformReportsItsRectificationOnTheLinkedPage() throws Exception {
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "zhidao-forum",
                "https://zhidao-forum.example/t/respond-" + ++unique, "poster").caseNumber();
        cases.runDueJobs(caseNumber);
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "SUBSTANTIATED", "verificationNote", "属实"));
        String token = tokens.issue(AccessTokens.Purpose.PLATFORM_RESPONSE, caseNumber);

        String page = body(mvc.perform(get("/platform/respond/" + caseNumber).param("token", token))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("删除违规内容").contains("id=\"platform-response-form\"");

        assertThat(page).contains("done.DELETE_CONTENT");
        // Each measure ordered is answered: carried out and when, or not and why.
        assertThat(body(mvc.perform(multipart("/platform/respond/" + caseNumber).param("token", token)
                .param("text", "已删除帖子").with(csrf())).andExpect(status().isOk()).andReturn()))
                .contains("请逐项说明");
        assertThat(body(mvc.perform(multipart("/platform/respond/" + caseNumber).param("token", token)
                .param("text", "已删除帖子").param("done.DELETE_CONTENT", "NOT_DONE").with(csrf()))
                .andExpect(status().isOk()).andReturn())).contains("请说明未执行的原因");
        String thanks = body(mvc.perform(multipart("/platform/respond/" + caseNumber)
                        .file(new MockMultipartFile("evidence", "proof.pdf", "application/pdf", "%PDF-1.4\n".getBytes()))
                        .file(new MockMultipartFile("proof.DELETE_CONTENT", "deleted.png", "image/png", PNG))
                        .param("token", token).param("text", "已删除帖子").param("done.DELETE_CONTENT", "DONE")
                        .param("at.DELETE_CONTENT", "2026-01-02T09:30").param("note.DELETE_CONTENT", "帖子已删除")
                        .with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(replies.confirmationsOf(caseNumber)).singleElement().satisfies(c -> {
            assertThat(c.getMeasure()).isEqualTo("DELETE_CONTENT");
            assertThat(c.isExecuted()).isTrue();
            assertThat(c.getExecutedAt()).isEqualTo(java.time.Instant.parse("2026-01-02T01:30:00Z"));
            assertThat(c.getEvidenceFiles()).containsExactly("DELETE_CONTENT-deleted.png");
        });
        // The measure's evidence is the case's evidence, named after the measure, hashed as it came.
        transaction.executeWithoutResult(t -> assertThat(complaints.findByCaseNumber(caseNumber).orElseThrow()
                .getEvidence()).anySatisfy(e -> {
                    assertThat(e.getFileName()).isEqualTo("DELETE_CONTENT-deleted.png");
                    assertThat(e.getSha256()).isEqualTo(org.qinglang.common.Sha256.hex(PNG));
                }));
        assertThat((String) runtimeService.getVariable(cases.instance(caseNumber).getId(), "platformResponseText"))
                .contains("✓ 删除违规内容").contains("帖子已删除").contains("已删除帖子")
                .contains("证据 Evidence: DELETE_CONTENT-deleted.png");
        assertThat(thanks).contains("报告已收到").contains(caseNumber);
        assertThat(cases.task(caseNumber, "Task_ReviewRectification")).isNotNull();

        String again = body(mvc.perform(get("/platform/respond/" + caseNumber).param("token", token)).andReturn());
        assertThat(again).contains("不在等待").doesNotContain("id=\"platform-response-form\"");
    }

    @Test
    void exposureBoardFiltersAndPages() throws Exception {
        for (int i = 0; i < 22; i++) {
            announcements.save(new Announcement("QL-2026-8" + String.format("%05d", i), i % 2 == 0 ? "RUMOUR"
                    : "IMPERSONATION", i % 2 == 0 ? "shortvideo" : "zhidao-forum", "acct" + i, "summary " + i,
                    "DELETE_CONTENT", "supervisor2", EngineClock.now().plusSeconds(i)));
        }
        String firstPage = body(mvc.perform(get("/announcements")).andExpect(status().isOk()).andReturn());
        assertThat(firstPage).contains("acct21").doesNotContain(">summary 0<").contains("下一页".isEmpty() ? "" : "/ ");
        String rumours = body(mvc.perform(get("/announcements").param("category", "RUMOUR")
                .param("platform", "shortvideo")).andReturn());
        assertThat(rumours).contains("acct20").doesNotContain("acct21");
        String secondPage = body(mvc.perform(get("/announcements").param("page", "1")).andReturn());
        assertThat(secondPage).contains("summary 0");
    }

    @Test
    void thePoliceAnswerThroughTheirSignedLinkOnly(@Autowired org.qinglang.escalation.PoliceAnswers police)
            throws Exception {
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/p/police-" + ++unique, "poster").caseNumber();
        String token = tokens.issue(AccessTokens.Purpose.POLICE_REFERRAL, caseNumber);
        String platformToken = tokens.issue(AccessTokens.Purpose.PLATFORM_RESPONSE, caseNumber);
        // Another purpose's token, or none, opens nothing.
        mvc.perform(get("/police/answer/" + caseNumber).param("token", platformToken)).andExpect(status().isNotFound());
        mvc.perform(post("/police/answer/" + caseNumber).with(csrf()).param("status", "RESULT").param("text", "x"))
                .andExpect(status().isNotFound());

        String page = body(mvc.perform(get("/police/answer/" + caseNumber).param("token", token)
                .param("lang", "zh-CN")).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("线索办理情况反馈").contains("不予立案");
        // No case opened needs its reason.
        String refused = body(mvc.perform(post("/police/answer/" + caseNumber).with(csrf()).param("token", token)
                .param("status", "NOT_OPENED").param("lang", "en")).andExpect(status().isOk()).andReturn());
        assertThat(refused).contains("Please give the details");
        assertThat(police.of(caseNumber)).isEmpty();
        String thanks = body(mvc.perform(post("/police/answer/" + caseNumber).with(csrf()).param("token", token)
                .param("status", "NOT_OPENED").param("text", "不构成犯罪 Not a crime").param("lang", "en"))
                .andExpect(status().isOk()).andReturn());
        assertThat(thanks).contains("is recorded");
        assertThat(police.of(caseNumber)).singleElement().satisfies(answer -> {
            assertThat(answer.getStatus()).isEqualTo(org.qinglang.escalation.PoliceAnswer.Status.NOT_OPENED);
            assertThat(answer.getText()).isEqualTo("不构成犯罪 Not a crime");
        });
    }

    @Test
    void theAccountHolderObjectsThroughTheSignedLinkOnly(@Autowired org.qinglang.escalation.Objections objections)
            throws Exception {
        String caseNumber = cases.submit(ComplaintCategory.IMPERSONATION, "weiyu-social",
                "https://weiyu.example/u/objector-" + ++unique, "objector").caseNumber();
        cases.runDueJobs(caseNumber);
        String token = tokens.issue(AccessTokens.Purpose.ACCOUNT_OBJECTION, caseNumber);
        mvc.perform(get("/objections/" + caseNumber).param("token", tokens.issue(AccessTokens.Purpose.POLICE_REFERRAL,
                caseNumber))).andExpect(status().isNotFound());
        // Nothing decided yet: nothing to object to.
        assertThat(body(mvc.perform(get("/objections/" + caseNumber).param("token", token).param("lang", "en"))
                .andExpect(status().isOk()).andReturn())).contains("No objection can be filed now")
                .doesNotContain("objection-form");

        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                java.util.Map.of("verificationOutcome", "SUBSTANTIATED", "verificationNote", "属实"));
        cases.advance(caseNumber, java.time.Duration.ofDays(3).plusMinutes(1));
        cases.complete(caseNumber, "Task_DecideEnforcement", "supervisor", java.util.Map.of(
                "enforcementMeasures", java.util.List.of("CLOSE_ACCOUNT"), "furtherDeadline", "NONE",
                "enforcementNote", "关闭账号", "announce", false));
        assertThat(body(mvc.perform(get("/objections/" + caseNumber).param("token", token).param("lang", "zh-CN"))
                .andExpect(status().isOk()).andReturn())).contains("对处置决定提出异议").contains("objection-form");
        mvc.perform(post("/objections/" + caseNumber).with(csrf()).param("text", "不服").param("token", "forged"))
                .andExpect(status().isNotFound());
        assertThat(body(mvc.perform(post("/objections/" + caseNumber).with(csrf()).param("token", token)
                .param("text", "账号经授权 The account is authorised").param("lang", "en")).andExpect(status().isOk())
                .andReturn())).contains("is received");
        assertThat(objections.of(caseNumber)).singleElement()
                .satisfies(o -> assertThat(o.getText()).isEqualTo("账号经授权 The account is authorised"));
        assertThat(objections.canObject(caseNumber)).isFalse();
    }

    @Test
    void statisticsShowFiguresAndOfferCsv() throws Exception {
        mvc.perform(complaint("https://weiyu.example/u/stats-" + ++unique).with(csrf())).andExpect(status().isOk());
        String page = body(mvc.perform(get("/statistics").param("lang", "en")).andExpect(status().isOk())
                .andReturn());
        assertThat(page).contains("Complaints by category and month").contains("chart.umd.js")
                .contains("Impersonation");
        String csv = body(mvc.perform(get("/statistics.csv")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn());
        assertThat(csv).startsWith("metric,month,key,value").contains(",IMPERSONATION,")
                .contains("share_of_deadlines_met");
    }

    @Test
    void evidenceDownloadIsForStaffOnlyAndNeverInline() throws Exception {
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/p/evidence-" + ++unique, "poster").caseNumber();
        Long evidenceId = transaction.execute(s -> complaints.findByCaseNumber(caseNumber).orElseThrow()
                .getEvidence().get(1).getId());
        mvc.perform(get("/staff/evidence/" + evidenceId)).andExpect(status().isUnauthorized());
        mvc.perform(get("/staff/evidence/" + evidenceId).with(httpBasic("caseworker", "caseworker")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andExpect(content().contentType("application/octet-stream"));
    }
}
