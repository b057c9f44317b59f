package org.qinglang.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.RuntimeService;
import org.qinglang.common.EngineClock;
import org.qinglang.casefile.ComplaintSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What operators watch (at /actuator/prometheus): complaints coming in, open cases by stage,
 * deadlines that passed without the case having moved on, incidents and mail that could not be sent.
 * The gauges come from the database every 30 seconds, the same on every node.
 */
@Component
public class CaseMetrics {

    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final MultiGauge openCases;
    private final AtomicLong overdueDeadlines = new AtomicLong();
    private final AtomicLong openIncidents = new AtomicLong();
    private final Counter mailFailures;

    public CaseMetrics(MeterRegistry registry, JdbcTemplate jdbc, RuntimeService runtimeService) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.openCases = MultiGauge.builder("qinglang.cases.open").description("Open cases by stage")
                .register(registry);
        Gauge.builder("qinglang.deadlines.overdue", overdueDeadlines, AtomicLong::get)
                .description("Rectification deadlines passed while the case still waits for the platform")
                .register(registry);
        Gauge.builder("qinglang.incidents.open", openIncidents, AtomicLong::get)
                .description("Open engine incidents (failed steps)").register(registry);
        this.mailFailures = Counter.builder("qinglang.mail.send.failures")
                .description("Messages the mail server did not accept").register(registry);
        for (ComplaintSource source : ComplaintSource.values()) {
            received(source, 0);
        }
    }

    public void received(ComplaintSource source, int count) {
        Counter.builder("qinglang.complaints.received").description("Complaints accepted, by channel")
                .tag("source", source.name()).register(registry).increment(count);
    }

    public void mailFailed() {
        mailFailures.increment();
    }

    @Scheduled(initialDelay = 5_000, fixedDelay = 30_000)
    public void refresh() {
        List<MultiGauge.Row<?>> rows = jdbc.query(
                "SELECT stage, COUNT(*) AS n FROM complaint WHERE stage <> 'CLOSED' GROUP BY stage",
                (rs, i) -> MultiGauge.Row.of(Tags.of("stage", rs.getString("stage")), rs.getLong("n")));
        openCases.register(rows, true);
        Long overdue = jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE stage = 'PLATFORM_NOTIFIED' "
                + "AND rectification_due_at < ?", Long.class, Timestamp.from(EngineClock.now()));
        overdueDeadlines.set(overdue == null ? 0 : overdue);
        openIncidents.set(runtimeService.createIncidentQuery().count());
    }
}
