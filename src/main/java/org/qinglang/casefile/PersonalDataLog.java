package org.qinglang.casefile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.qinglang.common.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Every look at a complainant's details and every evidence download, with who, when and which case
 * (PIPL): kept for good and shown in the case file, so that the office can answer who saw what.
 */
@Service
public class PersonalDataLog {

    /** What was looked at. */
    public enum Kind {
        COMPLAINANT_VIEWED,
        EVIDENCE_VIEWED,
        EVIDENCE_DOWNLOADED,
        ERASED_ON_REQUEST,
        /** Evidence whose bytes no longer match the hash taken on receipt, seen at an access. */
        INTEGRITY_FAILED
    }

    /** One line of the log. */
    public record Access(String userId, Kind kind, String detail, Instant at) {
    }

    private final JdbcTemplate jdbc;

    public PersonalDataLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** In a transaction of its own: pages that only read (read-only transactions) log too. */
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void record(String caseNumber, String userId, Kind kind, String detail) {
        jdbc.update("INSERT INTO personal_data_access (case_number, user_id, kind, detail, accessed_at) VALUES (?, ?, ?, ?, ?)",
                caseNumber, userId == null ? "?" : userId, kind.name(), detail == null ? null
                        : detail.substring(0, Math.min(300, detail.length())), Timestamp.from(EngineClock.now()));
    }

    /** The latest accesses to a case's personal data, newest first. */
    public List<Access> of(String caseNumber, int most) {
        return jdbc.query("""
                SELECT user_id, kind, detail, accessed_at FROM personal_data_access WHERE case_number = ?
                ORDER BY accessed_at DESC, id DESC FETCH FIRST ? ROWS ONLY""",
                (row, i) -> new Access(row.getString(1), Kind.valueOf(row.getString(2)), row.getString(3),
                        row.getTimestamp(4).toInstant()), caseNumber, most);
    }
}
