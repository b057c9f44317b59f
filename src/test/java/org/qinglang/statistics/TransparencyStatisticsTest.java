package org.qinglang.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qinglang.casefile.CaseOutcome;
import org.qinglang.casefile.Complaint;
import org.qinglang.casefile.ComplaintCategory;
import org.qinglang.casefile.ComplaintRepository;
import org.qinglang.casefile.ComplaintSource;
import org.qinglang.casefile.ReporterType;
import org.qinglang.casefile.UrlNormalizer;
import org.qinglang.common.Sha256;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

/**
 * The published figures on the case file's tables (a slice: JPA and the Flyway schema): a deadline
 * is met only in time and with an adequate rectification, per platform, in the readers' time zone.
 */
@DataJpaTest(properties = "spring.flyway.enabled=true")
@Import(TransparencyStatistics.class)
class TransparencyStatisticsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @Autowired
    TransparencyStatistics statistics;
    @Autowired
    ComplaintRepository complaints;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anInadequateRectificationIsNotOnTimeAndMonthsBeginInShanghai() {
        Instant notice = Instant.parse("2026-11-30T17:00:00Z"); // 2026-12-01 01:00 in Shanghai
        // Rectified in time and adequately, confirmed 30 hours after the notice.
        at(notice, c -> c.rectificationDue(notice.plus(Duration.ofDays(3)), 0),
                Duration.ofHours(30), c -> {
                    c.platformResponded();
                    c.close(CaseOutcome.RECTIFIED, "ok");
                });
        // Answered in time, but the rectification was inadequate: escalated, so not on time.
        at(notice, c -> c.rectificationDue(notice.plus(Duration.ofDays(3)), 0),
                Duration.ofHours(20), c -> {
                    c.platformResponded();
                    c.enforcementApplied(1);
                });
        // The deadline passed without an answer.
        at(notice, c -> c.rectificationDue(notice.plus(Duration.ofDays(3)), 0),
                Duration.ofDays(4), Complaint::deadlineMissed);
        // Still within its deadline: no result yet, counted as a notice only.
        at(notice, c -> c.rectificationDue(notice.plus(Duration.ofDays(3)), 0), Duration.ZERO, c -> { });

        // Two objections decided: one left the decision standing.
        for (String outcome : new String[] {"UPHELD", "REVOKED"}) {
            jdbc.update("insert into objection (case_number, escalation_level, text, filed_at, outcome, decided_at) "
                    + "values (?, 1, 'x', ?, ?, ?)", "QL-8888-%06d".formatted(NUMBERS.get()),
                    java.sql.Timestamp.from(notice.plus(Duration.ofDays(5))), outcome,
                    java.sql.Timestamp.from(notice.plus(Duration.ofDays(6))));
        }

        TransparencyStatistics.Figures figures = statistics.since(LocalDate.of(2026, 12, 1), SHANGHAI);

        TransparencyStatistics.PlatformRecord zhidao = figures.platforms().stream()
                .filter(p -> p.platform().equals("zhidao-forum")).findFirst().orElseThrow();
        assertThat(zhidao.notices()).isEqualTo(4);
        assertThat(zhidao.decided()).isEqualTo(3);
        assertThat(zhidao.onTime()).isEqualTo(1);
        assertThat(zhidao.medianHoursToConfirmation()).isEqualTo(30.0);
        assertThat(zhidao.objections()).isEqualTo(2);
        assertThat(zhidao.objectionsUpheld()).isEqualTo(1);
        assertThat(figures.shareOfDeadlinesMet()).isEqualTo(1.0 / 3);
        assertThat(figures.complaintsByCategoryAndMonth()).anySatisfy(count -> {
            assertThat(count.month()).isEqualTo("2026-12");
            assertThat(count.key()).isEqualTo("RUMOUR");
            assertThat(count.count()).isEqualTo(4);
        });
        assertThat(statistics.csv(figures)).contains("time_zone,,all,Asia/Shanghai")
                .contains("share_on_time,,zhidao-forum,0.333").contains("share_of_deadlines_met,,all,0.333");
    }

    /** A case created and notified at one moment, and what happened to it some time later. */
    private void at(Instant when, Consumer<Complaint> notified, Duration later, Consumer<Complaint> then) {
        ClockUtil.setCurrentTime(Date.from(when));
        String url = "https://zhidao-forum.example/t/" + NUMBERS.incrementAndGet();
        Complaint complaint = new Complaint("QL-8888-%06d".formatted(NUMBERS.get()), ComplaintSource.WEB,
                ComplaintCategory.RUMOUR, ReporterType.CITIZEN, "zhidao-forum", url, UrlNormalizer.normalize(url),
                "poster", "谣言 rumour", "张三", "zhang@example.org", null);
        complaint.preserveText(Sha256.hex("谣言 rumour".getBytes(StandardCharsets.UTF_8)));
        notified.accept(complaint);
        complaint = complaints.saveAndFlush(complaint);
        ClockUtil.setCurrentTime(Date.from(when.plus(later)));
        then.accept(complaint);
        complaints.saveAndFlush(complaint);
    }
}
