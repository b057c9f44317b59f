package org.qinglang.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Personal data (PIPL): each kind of record is erased when its period ends, and the erasure recorded;
 * every look at a complainant's details and every evidence download is logged and shown; evidence
 * follows the office rule; a complainant may have their details erased once the case is closed.
 */
@QinglangTest
@AutoConfigureMockMvc
class PersonalDataTest {

    @RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension mail = TestMail.server();

    @Autowired
    CaseDriver cases;
    @Autowired
    PersonalDataRetention retention;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private Map<String, Object> complainant(String caseNumber) {
        return jdbc.queryForMap("SELECT complainant_name, complainant_email, complainant_phone, personal_data_erased_at"
                + " FROM complaint WHERE case_number = ?", caseNumber);
    }

    private long evidenceWithBytes(String caseNumber) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evidence e JOIN complaint c ON c.id = e.complaint_id"
                + " WHERE c.case_number = ? AND e.content IS NOT NULL", Long.class, caseNumber);
    }

    private long mailToComplainant(String caseNumber) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sent_mail WHERE case_number = ? AND recipient = 'wang@mail.example'",
                Long.class, caseNumber);
    }

    private void moveClockTo(Instant when) {
        ClockUtil.setCurrentTime(Date.from(when));
    }

    @Test
    void eachKindOfRecordIsErasedWhenItsPeriodEndsAndTheErasureIsRecorded() {
        String closed = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/p/retention-closed-" + System.nanoTime(), "poster").caseNumber();
        cases.runDueJobs(closed);
        cases.complete(closed, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "UNFOUNDED", "verificationNote", "不实 unfounded"));
        String open = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/p/retention-open-" + System.nanoTime(), "poster").caseNumber();
        cases.runDueJobs(open);
        Instant start = Instant.now();
        assertThat(mailToComplainant(closed)).isPositive();

        // After a year and a day: mail texts and addresses go; complainant and evidence stay.
        moveClockTo(start.plus(Duration.ofDays(366)));
        retention.apply();
        assertThat(mailToComplainant(closed)).isZero();
        assertThat(complainant(closed).get("complainant_email")).isEqualTo("wang@mail.example");
        assertThat(evidenceWithBytes(closed)).isPositive();

        // After three years and two days: the closed case's complainant and evidence bytes go, the open case keeps both.
        moveClockTo(start.plus(Duration.ofDays(3 * 366 + 2)));
        retention.apply();
        Map<String, Object> erased = complainant(closed);
        assertThat(erased.get("complainant_name")).isNull();
        assertThat(erased.get("complainant_email")).isNull();
        assertThat(erased.get("complainant_phone")).isNull();
        assertThat(erased.get("personal_data_erased_at")).isNotNull();
        assertThat(evidenceWithBytes(closed)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence e JOIN complaint c ON c.id = e.complaint_id"
                + " WHERE c.case_number = ? AND e.sha256 IS NOT NULL", Long.class, closed)).isPositive();
        assertThat(complainant(open).get("complainant_email")).isEqualTo("wang@mail.example");
        assertThat(evidenceWithBytes(open)).isPositive();
        assertThat(jdbc.queryForList("SELECT record_kind FROM retention_log WHERE case_number = ?", String.class, closed))
                .contains("COMPLAINANT", "EVIDENCE");
        // Applied again: nothing more to do, nothing recorded twice.
        long logged = jdbc.queryForObject("SELECT COUNT(*) FROM retention_log WHERE case_number = ?", Long.class, closed);
        retention.apply();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM retention_log WHERE case_number = ?", Long.class, closed))
                .isEqualTo(logged);
    }

    @Test
    void theRegisterKeepsTheAccountButNotItsNameAfterFiveYears() {
        String account = "register_name_" + System.nanoTime();
        String caseNumber = cases.submit(ComplaintCategory.IMPERSONATION, "weiyu-social",
                "https://weiyu.example/p/register-" + System.nanoTime(), account).caseNumber();
        cases.runDueJobs(caseNumber);
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "SUBSTANTIATED", "verificationNote", "属实 substantiated"));
        Instant start = Instant.now();
        moveClockTo(start.plus(Duration.ofDays(4 * 366)));
        retention.apply();
        assertThat(jdbc.queryForObject("SELECT account_name FROM violation WHERE case_number = ?", String.class, caseNumber))
                .isEqualTo(account);
        moveClockTo(start.plus(Duration.ofDays(5 * 366 + 2)));
        retention.apply();
        Map<String, Object> entry = jdbc.queryForMap("SELECT account_name, account_key FROM violation WHERE case_number = ?",
                caseNumber);
        assertThat(entry.get("account_name")).isNull();
        assertThat(entry.get("account_key")).isNotNull();
    }

    @Test
    void everyLookAtPersonalDataIsLoggedAndEvidenceFollowsTheOfficeRule() throws Exception {
        // Beijing's case (kuaikan-toutiao): the Shanghai case worker may not open its evidence.
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "kuaikan-toutiao",
                "https://kuaikan-toutiao.example/a/access-" + System.nanoTime(), "poster").caseNumber();
        cases.runDueJobs(caseNumber);
        long evidenceId = jdbc.queryForObject("SELECT e.id FROM evidence e JOIN complaint c ON c.id = e.complaint_id"
                + " WHERE c.case_number = ? ORDER BY e.id FETCH FIRST 1 ROWS ONLY", Long.class, caseNumber);

        mvc.perform(get("/staff/cases/" + caseNumber).with(user("caseworker").roles("case-workers")))
                .andExpect(status().isOk());
        mvc.perform(get("/staff/evidence/" + evidenceId).with(user("caseworker").roles("case-workers")))
                .andExpect(status().isOk());
        mvc.perform(get("/staff/evidence/" + evidenceId).with(user("caseworker-sh").roles("case-workers")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/evidence/" + evidenceId + "/view").with(user("caseworker-sh").roles("case-workers")))
                .andExpect(status().isForbidden());

        assertThat(jdbc.queryForList("SELECT user_id || ':' || kind FROM personal_data_access WHERE case_number = ?",
                String.class, caseNumber)).contains("caseworker:COMPLAINANT_VIEWED", "caseworker:EVIDENCE_DOWNLOADED")
                .noneMatch(line -> line.startsWith("caseworker-sh"));
        String page = mvc.perform(get("/staff/cases/" + caseNumber).param("lang", "zh-CN")
                        .with(user("supervisor").roles("supervisors")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page.substring(page.indexOf("id=\"personal-data-access\"")))
                .contains("caseworker", "查看了举报人信息", "下载了证据");
    }

    @Test
    void aComplainantHasTheirDetailsErasedOnceTheCaseIsClosedThroughTheirLinkOnly() throws Exception {
        var accepted = cases.submit(ComplaintCategory.RUMOUR, "weiyu-social",
                "https://weiyu.example/p/erasure-" + System.nanoTime(), "poster");
        String caseNumber = accepted.caseNumber();
        String token = accepted.statusToken();
        cases.runDueJobs(caseNumber);

        // Open: kept, the case still needs to reach its complainant.
        mvc.perform(post("/complaints/" + caseNumber + "/erasure").param("token", token).with(csrf()))
                .andExpect(status().isConflict());
        cases.complete(caseNumber, "Task_VerifyComplaint", "caseworker",
                Map.of("verificationOutcome", "UNFOUNDED", "verificationNote", "不实 unfounded"));
        // Without the link's token, or with another case's: nothing.
        mvc.perform(post("/complaints/" + caseNumber + "/erasure").param("token", "forged.token").with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(complainant(caseNumber).get("complainant_email")).isEqualTo("wang@mail.example");

        mvc.perform(post("/complaints/" + caseNumber + "/erasure").param("token", token).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(complainant(caseNumber).get("complainant_email")).isNull();
        assertThat(mvc.perform(get("/complaints/" + caseNumber).param("token", token).param("lang", "en"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"erased\"")
                .doesNotContain("wang@mail.example");
        assertThat(jdbc.queryForList("SELECT reason FROM retention_log WHERE case_number = ?", String.class, caseNumber))
                .anyMatch(reason -> reason.contains("request"));
    }
}
