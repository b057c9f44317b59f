package org.qinglang.statistics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each decision that found a violation, as a statement of reasons without personal data, in a
 * format modelled on the EU DSA Transparency Database (docs/statements.md): what was decided against
 * content and account, on which ground, in which category, how the case came in, when. No
 * complainant, no account name, no link: the board names accounts, this export counts decisions.
 */
@Service
public class StatementsOfReasons {

    /** The fields of a statement, in the order of the CSV columns. */
    public static final List<String> FIELDS = List.of("statement_id", "platform_code", "platform_name",
            "decision_date", "decision_ground", "legal_ground", "category", "severity", "decision_visibility",
            "decision_account", "measures", "escalation_level", "police_referral", "source_type", "notifier_type",
            "automated_detection", "automated_decision", "outcome", "territorial_scope");

    /** The measures that act on the account rather than on the content. */
    static final Set<String> ACCOUNT_MEASURES = Set.of("CLOSE_ACCOUNT", "CLEAR_FOLLOWERS", "SUSPEND_MONETISATION",
            "RESTRICT_ACCOUNT", "SUSPEND_LIVESTREAM");

    public static final int MOST_PER_PAGE = 1000;

    private static final String PAGE = """
            SELECT v.case_number, v.platform_code, p.name_zh, p.name_en, v.category, v.severity, v.recorded_at,
                   c.origin, c.reporter_type, c.outcome
            FROM violation v JOIN complaint c ON c.case_number = v.case_number
                             JOIN platform p ON p.code = v.platform_code
            WHERE v.recorded_at >= ? AND v.recorded_at < ?
            ORDER BY v.recorded_at, v.case_number
            OFFSET ? ROWS FETCH NEXT ? ROWS ONLY""";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public StatementsOfReasons(JdbcTemplate jdbc, @Value("${qinglang.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
    }

    /** A page of statements and how many there are in all between the two days (the second excluded). */
    public record Page(List<Map<String, Object>> statements, int page, int size, long total) {
    }

    /** A violation as the page query reads it, before its decisions are joined to it. */
    private record Decided(String caseNumber, String platformCode, String platformName, Timestamp recordedAt,
            String category, String severity, String origin, String reporter, String outcome) {
    }

    @Transactional(readOnly = true)
    public Page between(LocalDate from, LocalDate toExclusive, int page, int size) {
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(toExclusive.atStartOfDay(zone).toInstant());
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM violation WHERE recorded_at >= ? AND recorded_at < ?",
                Long.class, start, end);
        List<Decided> rows = jdbc.query(PAGE, (row, n) -> new Decided(row.getString("case_number"),
                row.getString("platform_code"), row.getString("name_zh") + " " + row.getString("name_en"),
                row.getTimestamp("recorded_at"), row.getString("category"), row.getString("severity"),
                row.getString("origin"), row.getString("reporter_type"), row.getString("outcome")),
                start, end, (long) page * size, size);
        if (rows.isEmpty()) {
            return new Page(List.of(), page, size, total);
        }
        // The page's decisions in two queries, not two per statement.
        String cases = String.join(",", java.util.Collections.nCopies(rows.size(), "?"));
        Object[] caseNumbers = rows.stream().map(Decided::caseNumber).toArray();
        Map<String, Map<String, Object>> lastDecision = new java.util.HashMap<>();
        jdbc.queryForList("SELECT case_number, measures, escalation_level, police_referral FROM enforcement_action"
                + " WHERE case_number IN (" + cases + ") ORDER BY escalation_level", caseNumbers)
                .forEach(decision -> lastDecision.put((String) decision.get("case_number"), decision));
        Map<String, List<String>> platformMeasures = new java.util.HashMap<>();
        jdbc.queryForList("SELECT case_number, measures FROM platform_measure WHERE case_number IN (" + cases + ")"
                + " ORDER BY id", caseNumbers).forEach(row -> platformMeasures.computeIfAbsent(
                        (String) row.get("case_number"), n -> new ArrayList<>()).add((String) row.get("measures")));

        List<Map<String, Object>> statements = new ArrayList<>();
        for (Decided row : rows) {
            List<String> measures = new ArrayList<>();
            int level = 0;
            boolean police = false;
            Map<String, Object> decision = lastDecision.get(row.caseNumber());
            if (decision != null) {
                measures.addAll(codes((String) decision.get("measures")));
                level = ((Number) decision.get("escalation_level")).intValue();
                police = Boolean.TRUE.equals(decision.get("police_referral"));
            }
            platformMeasures.getOrDefault(row.caseNumber(), List.of()).forEach(list ->
                    codes(list).stream().filter(code -> !measures.contains(code)).forEach(measures::add));
            List<String> onAccount = measures.stream().filter(ACCOUNT_MEASURES::contains).toList();
            List<String> onContent = measures.stream().filter(code -> !ACCOUNT_MEASURES.contains(code)).toList();
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("statement_id", row.caseNumber());
            statement.put("platform_code", row.platformCode());
            statement.put("platform_name", row.platformName());
            statement.put("decision_date", row.recordedAt().toInstant().atZone(zone).toOffsetDateTime().toString());
            statement.put("decision_ground", "ILLEGAL_CONTENT");
            statement.put("legal_ground", "网络信息内容生态治理规定; 清朗系列专项行动 (Provisions on the Governance of the Online"
                    + " Information Content Ecosystem; Qinglang campaigns)");
            statement.put("category", row.category());
            statement.put("severity", row.severity());
            statement.put("decision_visibility", onContent.isEmpty() ? "RECTIFICATION_ORDERED" : String.join("|", onContent));
            statement.put("decision_account", onAccount.isEmpty() ? "NONE" : String.join("|", onAccount));
            statement.put("measures", measures);
            statement.put("escalation_level", level);
            statement.put("police_referral", police);
            statement.put("source_type", row.origin() == null ? "COMPLAINT" : row.origin());
            statement.put("notifier_type", "COMPLAINT".equals(row.origin()) || row.origin() == null ? row.reporter() : "NONE");
            statement.put("automated_detection", false);
            statement.put("automated_decision", "NOT_AUTOMATED");
            statement.put("outcome", row.outcome());
            statement.put("territorial_scope", "CN");
            statements.add(statement);
        }
        return new Page(statements, page, size, total);
    }

    private static List<String> codes(String list) {
        return list == null || list.isBlank() ? List.of()
                : Arrays.stream(list.split("[,|]")).map(String::strip).filter(code -> !code.isEmpty()).toList();
    }

    /** The CSV's first line: the columns of FIELDS. */
    public static String csvHeader() {
        return String.join(",", FIELDS) + "\r\n";
    }

    /** One line per statement, the columns of FIELDS; lists joined with "|". */
    public static String csv(List<Map<String, Object>> statements) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> statement : statements) {
            List<String> cells = new ArrayList<>();
            for (String field : FIELDS) {
                Object value = statement.get(field);
                String text = value instanceof List<?> list ? String.join("|", list.stream().map(String::valueOf).toList())
                        : value == null ? "" : String.valueOf(value);
                cells.add(text.contains(",") || text.contains("\"") || text.contains("\n")
                        ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }
}
