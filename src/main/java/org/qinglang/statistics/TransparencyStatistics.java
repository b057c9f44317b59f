package org.qinglang.statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public transparency figures: complaints by category and month, how fast platforms rectify,
 * how many deadlines are met, and escalations. Aggregates only: nothing here identifies anyone.
 */
@Service
public class TransparencyStatistics {

    public record MonthlyCount(String month, String key, long count) {
    }

    public record PlatformSpeed(String platform, long rectified, double medianHours) {
    }

    public record Figures(List<MonthlyCount> complaintsByCategoryAndMonth, List<PlatformSpeed> rectificationSpeed,
            long noticesWithDeadline, long deadlinesMet, List<MonthlyCount> escalationsByMonth) {

        public double shareOfDeadlinesMet() {
            return noticesWithDeadline == 0 ? 0 : (double) deadlinesMet / noticesWithDeadline;
        }
    }

    private final JdbcTemplate jdbc;

    public TransparencyStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Figures for the months since {@code from} (UTC). */
    @Transactional(readOnly = true)
    public Figures since(LocalDate from) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        java.sql.Timestamp since = java.sql.Timestamp.from(start);
        List<MonthlyCount> byCategory = jdbc.query("""
                SELECT EXTRACT(YEAR FROM created_at) AS y, EXTRACT(MONTH FROM created_at) AS m, category, COUNT(*) AS n
                FROM complaint WHERE created_at >= ? GROUP BY EXTRACT(YEAR FROM created_at),
                EXTRACT(MONTH FROM created_at), category ORDER BY y, m, category""",
                (rs, i) -> new MonthlyCount(month(rs.getInt("y"), rs.getInt("m")), rs.getString("category"),
                        rs.getLong("n")), since);

        Map<String, List<Double>> hoursByPlatform = new TreeMap<>();
        jdbc.query("""
                SELECT platform_code, notified_at, responded_at FROM complaint
                WHERE notified_at IS NOT NULL AND responded_at IS NOT NULL AND notified_at >= ?""", rs -> {
                    Instant notified = rs.getTimestamp("notified_at").toInstant();
                    Instant responded = rs.getTimestamp("responded_at").toInstant();
                    hoursByPlatform.computeIfAbsent(rs.getString("platform_code"), p -> new ArrayList<>())
                            .add(Duration.between(notified, responded).toMinutes() / 60.0);
                }, since);
        List<PlatformSpeed> speed = hoursByPlatform.entrySet().stream()
                .map(e -> new PlatformSpeed(e.getKey(), e.getValue().size(), median(e.getValue()))).toList();

        Long notices = jdbc.queryForObject("""
                SELECT COUNT(*) FROM complaint WHERE notified_at IS NOT NULL AND notified_at >= ?
                AND (responded_at IS NOT NULL OR deadline_missed = TRUE)""", Long.class, since);
        Long met = jdbc.queryForObject("""
                SELECT COUNT(*) FROM complaint WHERE notified_at IS NOT NULL AND notified_at >= ?
                AND responded_at IS NOT NULL AND deadline_missed = FALSE""", Long.class, since);

        List<MonthlyCount> escalations = jdbc.query("""
                SELECT EXTRACT(YEAR FROM decided_at) AS y, EXTRACT(MONTH FROM decided_at) AS m, COUNT(*) AS n
                FROM enforcement_action WHERE decided_at >= ? GROUP BY EXTRACT(YEAR FROM decided_at),
                EXTRACT(MONTH FROM decided_at) ORDER BY y, m""",
                (rs, i) -> new MonthlyCount(month(rs.getInt("y"), rs.getInt("m")), "ESCALATIONS", rs.getLong("n")),
                since);
        return new Figures(byCategory, speed, notices == null ? 0 : notices, met == null ? 0 : met, escalations);
    }

    /** All figures as CSV rows: metric, month, key, value. */
    public String csv(Figures figures) {
        StringBuilder csv = new StringBuilder("metric,month,key,value\n");
        figures.complaintsByCategoryAndMonth().forEach(c -> csv.append("complaints,").append(c.month()).append(',')
                .append(c.key()).append(',').append(c.count()).append('\n'));
        figures.rectificationSpeed().forEach(s -> csv.append("median_hours_notice_to_response,,").append(s.platform())
                .append(',').append(String.format(java.util.Locale.ROOT, "%.1f", s.medianHours())).append('\n'));
        csv.append("share_of_deadlines_met,,all,").append(String.format(java.util.Locale.ROOT, "%.3f",
                figures.shareOfDeadlinesMet())).append('\n');
        figures.escalationsByMonth().forEach(e -> csv.append("escalations,").append(e.month()).append(",all,")
                .append(e.count()).append('\n'));
        return csv.toString();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().collect(Collectors.toList());
        int n = sorted.size();
        return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String month(int year, int month) {
        return String.format("%04d-%02d", year, month);
    }
}
