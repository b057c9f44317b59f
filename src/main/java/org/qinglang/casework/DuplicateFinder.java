package org.qinglang.casework;

import java.util.Optional;
import org.qinglang.casefile.Complaint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Finds the open case that already covers the content a new complaint reports: the oldest open case
 * about the same normalised URL that was opened before it, so two complaints arriving together never
 * link to each other. Asked for every complaint, in plain SQL on the index (normalized_url, stage):
 * it reads other cases only, so the new case's pending changes need not be flushed first.
 */
@Service
public class DuplicateFinder {

    private static final String EARLIER_OPEN_CASE = """
            SELECT case_number FROM complaint
            WHERE normalized_url = ? AND id < ? AND stage <> 'CLOSED'
            ORDER BY id FETCH FIRST 1 ROWS ONLY""";

    private final JdbcTemplate jdbc;

    public DuplicateFinder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The case number of that open case, if there is one. */
    public Optional<String> openCaseCovering(Complaint complaint) {
        return jdbc.queryForList(EARLIER_OPEN_CASE, String.class, complaint.getNormalizedUrl(), complaint.getId())
                .stream().findFirst();
    }
}
