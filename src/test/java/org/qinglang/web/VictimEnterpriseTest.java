package org.qinglang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.announcement.AnnouncementRepository;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.casework.CaseReplies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A victim enterprise (受害企业保护): fast-tracked by the triage table, its verified rebuttal published
 * beside the typical case, told how to report to the police and given its evidence package.
 */
@QinglangTest
@AutoConfigureMockMvc
class VictimEnterpriseTest {

    @RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension mail = TestMail.server();

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseDriver cases;
    @Autowired
    CaseReplies replies;
    @Autowired
    ComplaintRepository complaints;
    @Autowired
    AnnouncementRepository announcements;

    @Test
    void aVictimEnterpriseIsFastTrackedItsRebuttalPublishedAndItGetsItsEvidencePackage() throws Exception {
        String url = "https://weiyu.example/p/victim-" + System.nanoTime();
        String body = """
                {"category":"RUMOUR","platform":"weiyu-social","url":"%s","accountName":"黑料爆料",
                 "description":"该账号用半年前的旧图编造我公司排污，损害企业声誉。","reporterType":"VICTIM_ENTERPRISE",
                 "rebuttal":"本公司郑重声明：网传排污图片摄于半年前的外地，与本公司无关。",
                 "complainant":{"name":"某化工有限公司","email":"legal@chem.example"},
                 "evidence":[{"fileName":"photo.png","contentType":"image/png","contentBase64":"iVBORw0KGgo="}]}"""
                .formatted(url);
        String created = mvc.perform(post("/api/complaints").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Matcher number = Pattern.compile("QL-\\d{4}-\\d{6}").matcher(created);
        assertThat(number.find()).isTrue();
        String caseNumber = number.group();
        cases.runDueJobs(caseNumber);
        assertThat(complaints.findByCaseNumber(caseNumber).orElseThrow().getSeverity()).isIn("HIGH", "CRITICAL");

        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker", Map.of("verificationOutcome", "SUBSTANTIATED",
                "verificationNote", "旧图新发，属实 substantiated", "rebuttalVerified", true));
        replies.platformResponded(caseNumber, "已删除 Deleted", List.of());
        cases.runDueJobs(caseNumber);
        cases.complete(caseNumber, "Task_ReviewRectification", "caseworker", Map.of("rectificationAdequate", true,
                "reviewNote", "已核查 Checked", "announce", true, "announcementSummary", "某账号以旧图编造企业排污谣言，平台已删除。"));
        cases.complete(caseNumber, "Task_ApproveAnnouncement", "supervisor", Map.of("approved", true,
                "approvalNote", "同意 Approved"));
        cases.runDueJobs(caseNumber);

        // The rebuttal beside the false report's entry on the board.
        long id = announcements.findByCaseNumber(caseNumber).orElseThrow().getId();
        assertThat(mvc.perform(get("/announcements/" + id)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("id=\"rebuttal\"").contains("与本公司无关");

        // Told how to go to the police, with its evidence package.
        String outcome = TestMail.to(mail, "legal@chem.example").stream().map(TestMail::body)
                .filter(text -> text.contains("公安机关")).findFirst().orElseThrow();
        Matcher link = Pattern.compile("/complaints/" + caseNumber + "/evidence\\.zip\\?token=([A-Za-z0-9._-]+)")
                .matcher(outcome);
        assertThat(link.find()).isTrue();
        byte[] zip = mvc.perform(get("/complaints/" + caseNumber + "/evidence.zip").param("token", link.group(1)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        assertThat(entries).contains("summary.txt", "SHA256SUMS").anyMatch(name -> name.endsWith("photo.png"));
        mvc.perform(get("/complaints/" + caseNumber + "/evidence.zip").param("token", "forged.token"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCitizensComplaintHasNoEvidencePackageAndItsRebuttalIsIgnored() throws Exception {
        var accepted = cases.submit(org.qinglang.casefile.ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/p/citizen-" + System.nanoTime(), "poster");
        mvc.perform(get("/complaints/" + accepted.caseNumber() + "/evidence.zip").param("token", accepted.statusToken()))
                .andExpect(status().isNotFound());
    }
}
