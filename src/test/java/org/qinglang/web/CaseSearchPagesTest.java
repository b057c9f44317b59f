package org.qinglang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.casefile.ComplaintCategory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Search over all cases: by number, link, account, Chinese words, complainant (office rule), filters. */
@QinglangTest
@AutoConfigureMockMvc
class CaseSearchPagesTest {

    @RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension mail = TestMail.server();

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseDriver cases;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    private String search(String userId, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.param("lang", "zh-CN").with(user(userId).roles("case-workers")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aCaseWorkerClaimsTheTasksOfSeveralCasesAtOnceAndOnlyTheirOwn() throws Exception {
        long unique = System.nanoTime() % 1_000_000;
        String first = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social", "https://weiyu.example/p/bulk-a-" + unique,
                "poster").caseNumber();
        String second = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social", "https://weiyu.example/p/bulk-b-" + unique,
                "poster").caseNumber();
        cases.runDueJobs(first);
        cases.runDueJobs(second);
        // A supervisor is not a candidate for verification: nothing is claimed, and the page says why.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/staff/cases/claim")
                        .param("caseNumbers", first, second).with(user("supervisor").roles("supervisors"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(cases.task(first, "Task_VerifyComplaint").getAssignee()).isNull();
        // Without the page's token nothing happens either.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/staff/cases/claim")
                .param("caseNumbers", first).with(user("caseworker").roles("case-workers")))
                .andExpect(status().isForbidden());
        var done = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/staff/cases/claim")
                        .param("caseNumbers", first, second).param("q", "bulk-").with(user("caseworker").roles("case-workers"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(done.getFlashMap().get("claimed").toString()).contains(first, second);
        assertThat(cases.task(first, "Task_VerifyComplaint").getAssignee()).isEqualTo("caseworker");
        assertThat(cases.task(second, "Task_VerifyComplaint").getAssignee()).isEqualTo("caseworker");
        String page = mvc.perform(get("/staff/cases").param("q", "bulk-").flashAttrs(done.getFlashMap())
                        .with(user("caseworker").roles("case-workers")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("已认领 2 个案件的任务");
    }

    @Test
    void aCaseWorkerClosesSeveralComplaintsTogetherAsDuplicatesOfOneOpenCase() throws Exception {
        long unique = System.nanoTime() % 1_000_000;
        String open = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social", "https://weiyu.example/p/dup-main-" + unique,
                "rumour_source").caseNumber();
        String repostA = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social", "https://weiyu.example/p/dup-a-" + unique,
                "echo_a").caseNumber();
        String repostB = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social", "https://weiyu.example/p/dup-b-" + unique,
                "echo_b").caseNumber();
        String takenByAnother = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/p/dup-c-" + unique, "echo_c").caseNumber();
        for (String each : java.util.List.of(open, repostA, repostB, takenByAnother)) {
            cases.runDueJobs(each);
        }
        claimAs(takenByAnother, "caseworker-sh");
        var closeDuplicates = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/staff/cases/close-duplicates").param("caseNumbers", open, repostA, repostB, takenByAnother)
                .param("openCase", open).param("q", "dup-");
        // A supervisor verifies nothing: nothing closes.
        mvc.perform(closeDuplicates.with(user("supervisor").roles("supervisors"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(cases.instance(repostA)).isNotNull();
        assertThat(cases.task(repostA, "Task_VerifyComplaint")).isNotNull();

        var done = mvc.perform(closeDuplicates.with(user("caseworker").roles("case-workers"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        for (String each : java.util.List.of(repostA, repostB)) {
            cases.runDueJobs(each);
        }
        assertThat(done.getFlashMap().get("closedAsDuplicates").toString()).contains(repostA, repostB)
                .doesNotContain(open, takenByAnother);
        // The open case stays open; the one another case worker is verifying is left to them.
        assertThat(cases.task(open, "Task_VerifyComplaint")).isNotNull();
        assertThat(cases.task(takenByAnother, "Task_VerifyComplaint").getAssignee()).isEqualTo("caseworker-sh");
        assertThat(cases.task(repostA, "Task_VerifyComplaint")).isNull();
        String caseFile = search("caseworker", get("/staff/cases/" + open));
        assertThat(caseFile).contains(repostA, repostB);
        assertThat(TestMail.to(mail, "wang@mail.example")).anyMatch(m -> TestMail.body(m).contains(repostA)
                && TestMail.body(m).contains(open));
        String page = mvc.perform(get("/staff/cases").param("q", "dup-").flashAttrs(done.getFlashMap())
                        .with(user("caseworker").roles("case-workers")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("已将 2 件举报并入 " + open).contains(takenByAnother + "</span>: <span>Lei Zhou 正在核实");

        // Joining to a case that is closed now (a duplicate itself) is refused for each, and nothing changes.
        String late = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social", "https://weiyu.example/p/dup-d-" + unique,
                "echo_d").caseNumber();
        cases.runDueJobs(late);
        var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/staff/cases/close-duplicates").param("caseNumbers", late).param("openCase", repostA)
                        .with(user("caseworker").roles("case-workers"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        @SuppressWarnings("unchecked")
        var reasons = (java.util.Map<String, org.qinglang.common.CaseRuleViolation.Reason>) refused.getFlashMap().get("refused");
        assertThat(reasons.get(late).in(java.util.Locale.SIMPLIFIED_CHINESE)).contains("已结案").doesNotContain("closed");
        assertThat(reasons.get(late).in(java.util.Locale.ENGLISH)).contains("That case is closed");
        assertThat(cases.task(late, "Task_VerifyComplaint").getAssignee()).isNull();
    }

    private void claimAs(String caseNumber, String userId) {
        taskService.claim(cases.task(caseNumber, "Task_VerifyComplaint").getId(), userId);
    }

    @Test
    void findsCasesByEveryKeyAndFilter() throws Exception {
        long unique = System.nanoTime() % 1_000_000;
        // Beijing's case (kuaikan-toutiao) about a paid deletion; the account name has a part to find.
        String beijing = cases.submit(ComplaintCategory.EXTORTION_PAID_DELETION, "kuaikan-toutiao",
                "https://kuaikan-toutiao.example/a/search-" + unique, "删帖中介_" + unique).caseNumber();
        cases.runDueJobs(beijing);

        assertThat(search("caseworker", get("/staff/cases").param("q", beijing.toLowerCase())))
                .contains("/staff/cases/" + beijing);
        // The link as people paste it: other case, trailing slash, fragment.
        assertThat(search("caseworker", get("/staff/cases").param("q",
                "HTTPS://Kuaikan-Toutiao.example/a/search-" + unique + "#top"))).contains(beijing);
        assertThat(search("caseworker", get("/staff/cases").param("q", "中介_" + unique))).contains(beijing);
        // Words of Chinese text, without spaces: the driver's complaint text.
        assertThat(search("caseworker", get("/staff/cases").param("q", "违法违规"))).contains(beijing);
        // A term with LIKE's wildcards is taken literally.
        assertThat(search("caseworker", get("/staff/cases").param("q", "%_%"))).contains("未找到案件");
        // Filters, with labels not codes.
        String filtered = search("caseworker", get("/staff/cases").param("q", beijing).param("stage", "UNDER_VERIFICATION")
                .param("office", "北京市委网信办 Beijing CAC"));
        assertThat(filtered).contains(beijing, "核实中", "网络敲诈和有偿删帖").doesNotContain(">UNDER_VERIFICATION<");
        // Stages in staff's words: the complainant is "您" only on their own page.
        assertThat(filtered).contains(">等待举报人补充材料</option>").doesNotContain("等待您补充材料");
        // Platform and office by their names in the reader's language, not a code or both languages; the
        // office filter offers the offices of the routing table.
        String hits = filtered.substring(filtered.indexOf("id=\"hits\""));
        assertThat(hits).contains(">快看头条<", ">北京市委网信办<").doesNotContain("kuaikan-toutiao<", "Beijing CAC<");
        assertThat(filtered).contains("<option value=\"北京市委网信办 Beijing CAC\" selected=\"selected\">北京市委网信办</option>",
                ">上海市委网信办</option>");
        String english = mvc.perform(get("/staff/cases").param("q", beijing).param("lang", "en")
                        .with(user("caseworker").roles("case-workers")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english.substring(english.indexOf("id=\"hits\""))).contains(">Kuaikan Toutiao<", ">Beijing CAC<")
                .doesNotContain("北京");
        assertThat(search("caseworker", get("/staff/cases").param("q", beijing).param("stage", "CLOSED")))
                .doesNotContain("/staff/cases/" + beijing + "\"");
        // The complainant: found by staff of the case's office, not by Shanghai's case worker.
        assertThat(search("caseworker", get("/staff/cases").param("q", "wang@mail.example"))).contains(beijing);
        assertThat(search("caseworker-sh", get("/staff/cases").param("q", "wang@mail.example"))).doesNotContain(beijing);
        // Anonymous: the login page.
        mvc.perform(get("/staff/cases").accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection());
    }
}
