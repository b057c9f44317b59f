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

    @Transactional(readOnly = true)
    public Page between(LocalDate from, LocalDate toExclusive, int page, int size) {
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(toExclusive.atStartOfDay(zone).toInstant());
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM violation WHERE recorded_at >= ? AND recorded_at < ?",
                Long.class, start, end);
        List<Map<String, Object>> statements = new ArrayList<>();
        jdbc.query(PAGE, row -> {
            Map<String, Object> statement = new LinkedHashMap<>();
            String caseNumber = row.getString("case_number");
            statement.put("statement_id", caseNumber);
            statement.put("platform_code", row.getString("platform_code"));
            statement.put("platform_name", row.getString("name_zh") + " " + row.getString("name_en"));
            statement.put("decision_date", row.getTimestamp("recorded_at").toInstant().atZone(zone).toOffsetDateTime()
                    .toString());
            statement.put("decision_ground", "ILLEGAL_CONTENT");
            statement.put("legal_ground", "网络信息内容生态治理规定; 清朗系列专项行动 (Provisions on the Governance of the Online"
                    + " Information Content Ecosystem; Qinglang campaigns)");
            statement.put("category", row.getString("category"));
            statement.put("severity", row.getString("severity"));
            statements.add(statement);
            statement.put("_origin", row.getString("origin"));
            statement.put("_reporter", row.getString("reporter_type"));
            statement.put("_outcome", row.getString("outcome"));
        }, start, end, (long) page * size, size);
        for (Map<String, Object> statement : statements) {
            String caseNumber = (String) statement.get("statement_id");
            List<Map<String, Object>> decisions = jdbc.queryForList("""
                    SELECT measures, escalation_level, police_referral FROM enforcement_action
                    WHERE case_number = ? ORDER BY escalation_level DESC FETCH FIRST 1 ROWS ONLY""", caseNumber);
            List<String> measures = new ArrayList<>();
            int level = 0;
            boolean police = false;
            if (!decisions.isEmpty()) {
                Map<String, Object> decision = decisions.get(0);
                measures.addAll(codes((String) decision.get("measures")));
                level = ((Number) decision.get("escalation_level")).intValue();
                police = Boolean.TRUE.equals(decision.get("police_referral"));
            }
            jdbc.queryForList("SELECT measures FROM platform_measure WHERE case_number = ?", String.class, caseNumber)
                    .forEach(list -> codes(list).stream().filter(code -> !measures.contains(code)).forEach(measures::add));
            List<String> onAccount = measures.stream().filter(ACCOUNT_MEASURES::contains).toList();
            List<String> onContent = measures.stream().filter(code -> !ACCOUNT_MEASURES.contains(code)).toList();
            statement.put("decision_visibility", onContent.isEmpty() ? "RECTIFICATION_ORDERED" : String.join("|", onContent));
            statement.put("decision_account", onAccount.isEmpty() ? "NONE" : String.join("|", onAccount));
            statement.put("measures", measures);
            statement.put("escalation_level", level);
            statement.put("police_referral", police);
            String origin = (String) statement.remove("_origin");
            String reporter = (String) statement.remove("_reporter");
            statement.put("source_type", origin == null ? "COMPLAINT" : origin);
            statement.put("notifier_type", "COMPLAINT".equals(origin) || origin == null ? reporter : "NONE");
            statement.put("automated_detection", false);
            statement.put("automated_decision", "NOT_AUTOMATED");
            statement.put("outcome", statement.remove("_outcome"));
            statement.put("territorial_scope", "CN");
        }
        return new Page(statements, page, size, total);
    }

    private static List<String> codes(String list) {
        return list == null || list.isBlank() ? List.of()
                : Arrays.stream(list.split("[,|]")).map(String::strip).filter(code -> !code.isEmpty()).toList();
    }

    /** One line per statement, the columns of FIELDS; lists joined with "|". */
    public static String csv(List<Map<String, Object>> statements) {
        StringBuilder out = new StringBuilder(String.join(",", FIELDS)).append("\r\n");
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
