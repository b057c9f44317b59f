package org.qinglang.statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

    /**
     * One platform's record: notices sent, notices whose result is known (rectified, missed or judged
     * inadequate), those met in time with an adequate rectification, and the median hours from the
     * notice to the case worker's confirmation that the content was dealt with.
     */
    public record PlatformRecord(String platform, long notices, long decided, long onTime, long confirmed,
            double medianHoursToConfirmation, long objections, long objectionsUpheld) {

        public double shareOnTime() {
            return decided == 0 ? 0 : (double) onTime / decided;
        }
    }

    public record Figures(List<MonthlyCount> complaintsByCategoryAndMonth, List<PlatformRecord> platforms,
            long noticesWithDeadline, long deadlinesMet, List<MonthlyCount> escalationsByMonth, ZoneId zone) {

        /** A deadline counts as met only when the platform answered in time and the rectification was adequate. */
        public double shareOfDeadlinesMet() {
            return noticesWithDeadline == 0 ? 0 : (double) deadlinesMet / noticesWithDeadline;
        }
    }

    private final JdbcTemplate jdbc;

    public TransparencyStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Figures for the months since {@code from}, months and times in the given zone (the zone a
     * month begins in is the one readers live in: Asia/Shanghai unless configured otherwise).
     */
    @Transactional(readOnly = true)
    public Figures since(LocalDate from, ZoneId zone) {
        Instant start = from.atStartOfDay(zone).toInstant();
        java.sql.Timestamp since = java.sql.Timestamp.from(start);
        // A ZoneId is letters, digits and / _ + -: safe to name in the statement, which cannot take it as a parameter.
        String local = "created_at AT TIME ZONE '" + zone.getId() + "'";
        List<MonthlyCount> byCategory = jdbc.query("""
                SELECT EXTRACT(YEAR FROM %1$s) AS y, EXTRACT(MONTH FROM %1$s) AS m, category, COUNT(*) AS n
                FROM complaint WHERE created_at >= ? GROUP BY EXTRACT(YEAR FROM %1$s), EXTRACT(MONTH FROM %1$s),
                category ORDER BY y, m, category""".formatted(local),
                (rs, i) -> new MonthlyCount(month(rs.getInt("y"), rs.getInt("m")), rs.getString("category"),
                        rs.getLong("n")), since);

        Map<String, long[]> counts = new TreeMap<>();
        Map<String, List<Double>> hoursByPlatform = new TreeMap<>();
        jdbc.query("""
                SELECT platform_code, notified_at, closed_at, outcome, deadline_missed, escalation_level FROM complaint
                WHERE notified_at IS NOT NULL AND notified_at >= ?""", rs -> {
                    String platform = rs.getString("platform_code");
                    long[] c = counts.computeIfAbsent(platform, p -> new long[3]);
                    c[0]++;
                    boolean rectified = "RECTIFIED".equals(rs.getString("outcome"));
                    boolean failed = rs.getBoolean("deadline_missed") || rs.getInt("escalation_level") > 0;
                    if (rectified || failed) {
                        c[1]++;
                    }
                    if (rectified && !failed) {
                        c[2]++;
                        hoursByPlatform.computeIfAbsent(platform, p -> new ArrayList<>()).add(Duration.between(
                                rs.getTimestamp("notified_at").toInstant(), rs.getTimestamp("closed_at").toInstant())
                                .toMinutes() / 60.0);
                    }
                }, since);
        // Objections of account holders decided in the period, and how many decisions they left standing.
        Map<String, long[]> objections = new TreeMap<>();
        jdbc.query("""
                SELECT c.platform_code, o.outcome FROM objection o JOIN complaint c ON c.case_number = o.case_number
                WHERE o.decided_at IS NOT NULL AND o.decided_at >= ?""", rs -> {
                    long[] o = objections.computeIfAbsent(rs.getString(1), p -> new long[2]);
                    o[0]++;
                    if ("UPHELD".equals(rs.getString(2))) {
                        o[1]++;
                    }
                }, since);
        List<PlatformRecord> platforms = counts.entrySet().stream().map(e -> {
            List<Double> hours = hoursByPlatform.getOrDefault(e.getKey(), List.of());
            long[] o = objections.getOrDefault(e.getKey(), new long[2]);
            return new PlatformRecord(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], hours.size(),
                    median(hours), o[0], o[1]);
        }).toList();
        long decided = platforms.stream().mapToLong(PlatformRecord::decided).sum();
        long onTime = platforms.stream().mapToLong(PlatformRecord::onTime).sum();

        String decidedLocal = "decided_at AT TIME ZONE '" + zone.getId() + "'";
        List<MonthlyCount> escalations = jdbc.query("""
                SELECT EXTRACT(YEAR FROM %1$s) AS y, EXTRACT(MONTH FROM %1$s) AS m, COUNT(*) AS n
                FROM enforcement_action WHERE decided_at >= ? GROUP BY EXTRACT(YEAR FROM %1$s),
                EXTRACT(MONTH FROM %1$s) ORDER BY y, m""".formatted(decidedLocal),
                (rs, i) -> new MonthlyCount(month(rs.getInt("y"), rs.getInt("m")), "ESCALATIONS", rs.getLong("n")),
                since);
        return new Figures(byCategory, platforms, decided, onTime, escalations, zone);
    }

    /** All figures as CSV rows: metric, month, key, value. */
    public String csv(Figures figures) {
        StringBuilder csv = new StringBuilder("metric,month,key,value\n");
        csv.append("time_zone,,all,").append(figures.zone().getId()).append('\n');
        figures.complaintsByCategoryAndMonth().forEach(c -> csv.append("complaints,").append(c.month()).append(',')
                .append(c.key()).append(',').append(c.count()).append('\n'));
        for (PlatformRecord p : figures.platforms()) {
            csv.append("notices,,").append(p.platform()).append(',').append(p.notices()).append('\n');
            csv.append("share_on_time,,").append(p.platform()).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.3f", p.shareOnTime())).append('\n');
            csv.append("median_hours_notice_to_confirmed_rectification,,").append(p.platform()).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.1f", p.medianHoursToConfirmation())).append('\n');
            csv.append("objections_decided,,").append(p.platform()).append(',').append(p.objections()).append('\n');
            csv.append("objections_upheld,,").append(p.platform()).append(',').append(p.objectionsUpheld()).append('\n');
        }
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
