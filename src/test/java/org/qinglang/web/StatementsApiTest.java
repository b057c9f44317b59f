package org.qinglang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.qinglang.casefile.ComplaintCategory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The transparency export: each decision as a statement of reasons, JSON and CSV, without personal data. */
@QinglangTest
@AutoConfigureMockMvc
class StatementsApiTest {

    @RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension mail = TestMail.server();

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseDriver cases;

    @Test
    void eachDecisionIsAStatementOfReasonsWithoutPersonalData() throws Exception {
        String account = "statement_account_" + System.nanoTime();
        String url = "https://weiyu.example/p/statement-" + System.nanoTime();
        String caseNumber = cases.submit(ComplaintCategory.IMPERSONATION, "weiyu-social", url, account).caseNumber();
        cases.runDueJobs(caseNumber);
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "SUBSTANTIATED", "verificationNote", "属实 substantiated"));
        cases.runDueJobs(caseNumber);

        String json = mvc.perform(get("/api/statements").param("size", "1000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"statement_id\":\"" + caseNumber + "\"").contains("\"decision_ground\":\"ILLEGAL_CONTENT\"")
                .contains("\"category\":\"IMPERSONATION\"").contains("\"source_type\":\"COMPLAINT\"")
                .contains("\"automated_decision\":\"NOT_AUTOMATED\"")
                // no complainant, no account, no link
                .doesNotContain("wang@mail.example", "王先生", "13800000000", account, url);
        String csv = mvc.perform(get("/api/statements.csv")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("statement_id,platform_code,").contains(caseNumber + ",weiyu-social,")
                .doesNotContain(account, url, "wang@mail.example");
        // Outside the span: not there. Bad input: a problem, not an error page.
        assertThat(mvc.perform(get("/api/statements").param("from", "2001-01-01").param("to", "2001-12-31"))
                .andReturn().getResponse().getContentAsString()).contains("\"total\":0");
        mvc.perform(get("/api/statements").param("from", "yesterday")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/statements").param("size", "100000")).andExpect(status().isBadRequest());
        // The statistics page offers the download.
        assertThat(mvc.perform(get("/statistics")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("/api/statements.csv");
    }
}
