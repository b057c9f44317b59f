package org.qinglang.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Search over all cases: one term matched against case number, link (normalised as intake does),
 * account, words of the text and, in the offices the searcher may read personal data of, the
 * complainant; filters by stage, office, severity and overdue. Newest first, one page. On
 * PostgreSQL the text columns have trigram indexes (db/vendor/postgresql); each condition is added
 * only when asked for, so the planner sees a simple query.
 */
@Component
public class CaseSearch {

    public static final int PAGE = 50;

    /** What to look for; null or blank parts are not asked for. {@code personalDataOffices} null = all. */
    public record Query(String term, CaseStage stage, String office, String severity, boolean overdue,
            Set<String> personalDataOffices) {
    }

    /** One case found. */
    public record Hit(String caseNumber, String category, String platformCode, String accountName, String stage,
            String severity, String responsibleOffice, Instant createdAt, Instant rectificationDueAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public CaseSearch(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    public List<Hit> find(Query query, Instant now) {
        StringBuilder sql = new StringBuilder("""
                SELECT case_number, category, platform_code, account_name, stage, severity, responsible_office,
                       created_at, rectification_due_at
                FROM complaint WHERE 1 = 1""");
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String term = query.term() == null ? "" : query.term().strip();
        if (!term.isEmpty()) {
            List<String> matches = new ArrayList<>();
            parameters.addValue("caseNumber", term.toUpperCase(Locale.ROOT));
            matches.add("case_number = :caseNumber");
            String url = normalisedUrl(term);
            if (url != null) {
                parameters.addValue("url", url);
                matches.add("normalized_url = :url");
            }
            parameters.addValue("like", "%" + escapeLike(term) + "%");
            matches.add("account_name ILIKE :like ESCAPE '\\'");
            matches.add("description ILIKE :like ESCAPE '\\'");
            if (query.personalDataOffices() == null) {
                matches.add("(complainant_name || ' ' || complainant_email) ILIKE :like ESCAPE '\\'");
            } else if (!query.personalDataOffices().isEmpty()) {
                parameters.addValue("readable", query.personalDataOffices());
                matches.add("((complainant_name || ' ' || complainant_email) ILIKE :like ESCAPE '\\'"
                        + " AND responsible_office IN (:readable))");
            }
            sql.append(" AND (").append(String.join(" OR ", matches)).append(')');
        }
        if (query.stage() != null) {
            sql.append(" AND stage = :stage");
            parameters.addValue("stage", query.stage().name());
        }
        if (query.office() != null && !query.office().isBlank()) {
            sql.append(" AND responsible_office = :office");
            parameters.addValue("office", query.office());
        }
        if (query.severity() != null && !query.severity().isBlank()) {
            sql.append(" AND severity = :severity");
            parameters.addValue("severity", query.severity());
        }
        if (query.overdue()) {
            sql.append(" AND stage = 'PLATFORM_NOTIFIED' AND rectification_due_at < :now");
            parameters.addValue("now", java.sql.Timestamp.from(now));
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(PAGE).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), parameters, (row, i) -> new Hit(row.getString(1), row.getString(2),
                row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                instant(row.getTimestamp(8)), instant(row.getTimestamp(9))));
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String normalisedUrl(String term) {
        String lower = term.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return null;
        }
        try {
            return UrlNormalizer.normalize(term);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
