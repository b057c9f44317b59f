package org.qinglang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.casefile.Evidence;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The case file page: what it shows, to whom, its notes, and how evidence is shown. */
@QinglangTest
@AutoConfigureMockMvc
class CaseFilePagesTest {

    @org.junit.jupiter.api.extension.RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension mail = org.qinglang.TestMail.server();

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseDriver cases;
    @Autowired
    ComplaintRepository complaints;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    org.qinglang.casework.CaseReplies replies;

    private String page(String caseNumber, String userId) throws Exception {
        return mvc.perform(get("/staff/cases/" + caseNumber).param("lang", "zh-CN")
                        .with(user(userId).roles("case-workers")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theCaseFileShowsTheCaseItsComplainantToTheOfficeAndItsHistory() throws Exception {
        // Beijing's case: the Shanghai case worker sees the case, not who complained.
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "kuaikan-toutiao",
                "https://kuaikan-toutiao.example/a/case-file-" + System.nanoTime(), "poster").caseNumber();
        cases.runDueJobs(caseNumber);
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "SUBSTANTIATED", "verificationNote", "属实 substantiated"));
        cases.runDueJobs(caseNumber);

        String all = page(caseNumber, "caseworker");
        assertThat(all).contains(caseNumber, "造谣传谣", "wang@mail.example", "13800000000", "王先生")
                .contains("任务完成", "核实举报", "已发送邮件至", "screenshot.png", "img class=\"evidence-image\"")
                .contains("时间均为 Asia/Shanghai").doesNotContain(">RUMOUR<", ">HIGH<")
                // each mail with its text as it left
                .contains("Dear 王先生");
        // The office the routing table chose, in the reader's language.
        assertThat(all).contains("<dd id=\"office\">北京市委网信办</dd>");
        // What the case waits for now, with the deadline's time.
        assertThat(all.substring(all.indexOf("id=\"waiting\""), all.indexOf("id=\"complaint\"")))
                .contains("等待平台反馈").contains("截止").doesNotContain("${").doesNotContain("Wait for");
        // The steps and tasks by the names the model gives them in the reader's language.
        String english = mvc.perform(get("/staff/cases/" + caseNumber).param("lang", "en")
                        .with(user("caseworker").roles("case-workers")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english.substring(english.indexOf("id=\"waiting\""), english.indexOf("id=\"complaint\"")))
                .contains("Wait for platform response").doesNotContain("等待平台反馈");
        assertThat(english.substring(english.indexOf("id=\"timeline\""))).contains("Verify complaint " + caseNumber)
                .doesNotContain("核实举报");
        String otherOffice = page(caseNumber, "caseworker-sh");
        assertThat(otherOffice).contains(caseNumber).doesNotContain("wang@mail.example", "13800000000", "王先生")
                .contains("举报人信息仅向承办部门工作人员显示");

        // A note is kept, as text, with who wrote it; a page of another site cannot add one.
        mvc.perform(post("/staff/cases/" + caseNumber + "/notes").param("text", "电话核实 <b>bold</b>")
                .with(user("caseworker").roles("case-workers"))).andExpect(status().isForbidden());
        mvc.perform(post("/staff/cases/" + caseNumber + "/notes").param("text", "电话核实 <b>bold</b>")
                .with(user("caseworker").roles("case-workers")).with(csrf())).andExpect(status().is3xxRedirection());
        String withNote = page(caseNumber, "supervisor");
        assertThat(withNote).contains("电话核实 &lt;b&gt;bold&lt;/b&gt;");
        // People by their names, not their logins: the note's author, who completed the verification; the
        // access log keeps the login beside the name.
        String notes = withNote.substring(withNote.indexOf("id=\"notes\""), withNote.indexOf("id=\"timeline\""));
        assertThat(notes).contains("Wei Li").doesNotContain(">caseworker<");
        String timeline = withNote.substring(withNote.indexOf("id=\"timeline\""));
        assertThat(timeline).contains("· Wei Li").doesNotContain("· caseworker<");
        // Newest first, also for what was recorded in the same instant.
        assertThat(timeline.indexOf("任务完成")).isLessThan(timeline.indexOf("收到举报"));
        assertThat(withNote.substring(withNote.indexOf("id=\"personal-data-access\""), withNote.indexOf("id=\"custody\"")))
                .contains("Wei Li (caseworker)");

        // The platform's answer, in its own words, in the timeline: for the office's staff, as its evidence.
        replies.platformResponded(caseNumber, "已删除该谣言帖子 The post is deleted", java.util.List.of(), java.util.List.of());
        String answered = page(caseNumber, "caseworker");
        assertThat(answered.substring(answered.indexOf("id=\"timeline\""))).contains("平台整改报告", "已删除该谣言帖子 The post is deleted");
        String answeredOtherOffice = page(caseNumber, "caseworker-sh");
        assertThat(answeredOtherOffice.substring(answeredOtherOffice.indexOf("id=\"timeline\"")))
                .contains("平台整改报告").doesNotContain("已删除该谣言帖子");

        // The public and the unknown case.
        mvc.perform(get("/staff/cases/" + caseNumber).accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location",
                        org.hamcrest.Matchers.endsWith("/login")));
        mvc.perform(get("/staff/cases/QL-1999-000001").with(user("caseworker").roles("case-workers")))
                .andExpect(status().isNotFound());
    }

    @Test
    void imagesAreShownInASandboxAndTextIsNeverServedAsAPage() throws Exception {
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/p/evidence-view-" + System.nanoTime(), "poster").caseNumber();
        cases.runDueJobs(caseNumber);
        long[] ids = transaction.execute(t -> {
            var evidence = complaints.findByCaseNumber(caseNumber).orElseThrow().getEvidence();
            return new long[] {evidence.stream().filter(e -> e.getFileName().endsWith(".png")).findFirst()
                    .map(Evidence::getId).orElseThrow(), evidence.stream().filter(e -> e.getFileName().endsWith(".txt"))
                    .findFirst().map(Evidence::getId).orElseThrow()};
        });
        mvc.perform(get("/staff/evidence/" + ids[0] + "/view").with(user("caseworker").roles("case-workers")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.startsWith("sandbox")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/staff/evidence/" + ids[1] + "/view").with(user("caseworker").roles("case-workers")))
                .andExpect(status().isNotFound());
    }
}
