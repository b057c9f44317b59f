package org.qinglang.registry;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.qinglang.common.EngineClock;
import org.qinglang.casefile.Complaint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The database of violating websites and accounts: evidence for enforcement, and the memory that
 * lets repeat offences be recognised and handled more strictly.
 */
@Service
public class ViolationRegister {

    /**
     * Both counts in one statement, in SQL: Hibernate translates a JPQL query with a parameter in its
     * select clause anew on every call, and every complaint asks this.
     */
    /** The account's own violations, and its group admin's (as an account or as admin of a group). */
    private static final String PRIOR_VIOLATIONS_SQL = """
            select count(case when account_key = ? then 1 end)
                 + count(case when account_key = ? or admin_key = ? then 1 end), count(*) from violation
            where platform_code = ? and case_number <> ?""";

    /**
     * The platform's own failures in the year before: its cases whose rectification deadline passed,
     * and measures it reported as not carried out. What its users did does not count here.
     */
    private static final String PLATFORM_FAILURES_SQL = """
            select (select count(*) from complaint where platform_code = ? and deadline_missed = true
                        and case_number <> ? and created_at >= ?)
                 + (select count(*) from measure_confirmation m join complaint c on c.case_number = m.case_number
                        where c.platform_code = ? and m.executed = false and m.reported_at >= ? and m.case_number <> ?)""";

    private final ViolationRepository violations;
    private final JdbcTemplate jdbc;
    private final org.qinglang.casefile.CaseFiles caseFiles;
    private final org.qinglang.common.Labels labels;

    public ViolationRegister(ViolationRepository violations, JdbcTemplate jdbc, org.qinglang.casefile.CaseFiles caseFiles,
            org.qinglang.common.Labels labels) {
        this.labels = labels;
        this.violations = violations;
        this.jdbc = jdbc;
        this.caseFiles = caseFiles;
    }

    /** For the measures table (Task_ChooseMeasures' input mapping): the account's violations before this case. */
    @org.qinglang.common.ModelCallable
    public long priorOfAccount(String caseNumber) {
        return priorViolations(caseFiles.get(caseNumber)).ofAccount();
    }

    /** For the measures table: the platform's violations before this case. */
    @org.qinglang.common.ModelCallable
    public long priorOfPlatform(String caseNumber) {
        return priorViolations(caseFiles.get(caseNumber)).ofPlatform();
    }

    /** Accounts are the same account whatever case and surrounding blanks or "@" they were written with. */
    public static String accountKey(String accountName) {
        if (accountName == null || accountName.isBlank()) {
            return null;
        }
        String key = accountName.strip().toLowerCase(Locale.ROOT);
        return key.startsWith("@") ? key.substring(1) : key;
    }

    public PriorViolations priorViolations(Complaint complaint) {
        // A null account matches no row, so the account's count is then 0.
        // "" matches no key (keys are never empty): no admin, no admin's violations.
        String adminKey = java.util.Objects.requireNonNullElse(accountKey(complaint.getGroupAdmin()), "");
        return jdbc.queryForObject(PRIOR_VIOLATIONS_SQL, (row, n) -> new PriorViolations(row.getLong(1), row.getLong(2)),
                accountKey(complaint.getAccountName()), adminKey, adminKey, complaint.getPlatformCode(),
                complaint.getCaseNumber());
    }

    /** For the measures table: the platform's own failures (deadlines missed, measures refused) in a year. */
    public long platformFailures(Complaint complaint) {
        java.sql.Timestamp yearAgo = java.sql.Timestamp.from(EngineClock.now().minus(java.time.Duration.ofDays(365)));
        Long failures = jdbc.queryForObject(PLATFORM_FAILURES_SQL, Long.class, complaint.getPlatformCode(),
                complaint.getCaseNumber(), yearAgo, complaint.getPlatformCode(), yearAgo, complaint.getCaseNumber());
        return failures == null ? 0 : failures;
    }

    /** A revoked decision leaves no violation behind: it no longer counts against account or platform. */
    @Transactional
    public void withdraw(String caseNumber) {
        violations.deleteForCase(caseNumber);
    }

    /** Records a substantiated case once; a retried step finds it already there. */
    @Transactional
    public PriorViolations record(Complaint complaint) {
        PriorViolations prior = priorViolations(complaint);
        if (!violations.existsByCaseNumber(complaint.getCaseNumber())) {
            Violation violation = new Violation(complaint.getCaseNumber(), complaint.getPlatformCode(),
                    accountKey(complaint.getAccountName()), complaint.getAccountName(), complaint.getCategory().name(),
                    complaint.getSeverity(), EngineClock.now());
            violation.alsoAbout(accountKey(complaint.getGroupAdmin()), accountKey(complaint.getPractitioner()),
                    complaint.getPractitioner());
            violations.save(violation);
        }
        return prior;
    }

    /** A short history for case workers: the account's recent violations and the platform's total. */
    public String historySummary(Complaint complaint) {
        return historySummary(complaint, priorViolations(complaint));
    }

    /** The same, with the counts already at hand (no second pair of count queries). */
    public String historySummary(Complaint complaint, PriorViolations prior) {
        String accountKey = accountKey(complaint.getAccountName());
        // Most accounts have none: then there is nothing to list and no need to ask.
        List<Violation> recent = accountKey == null || prior.ofAccount() == 0 ? List.of()
                : violations.findTop10ByPlatformCodeAndAccountKeyOrderByRecordedAtDesc(complaint.getPlatformCode(),
                        accountKey);
        String lines = recent.stream()
                .filter(v -> !v.getCaseNumber().equals(complaint.getCaseNumber()))
                .map(v -> labels.bilingual("register.history.line", locale -> new Object[] {v.getCaseNumber(),
                        labels.get("category." + v.getCategory(), locale), labels.get("severity." + v.getSeverity(), locale),
                        java.util.Date.from(v.getRecordedAt())}))
                .collect(Collectors.joining("\n"));
        return labels.bilingual("register.history.account", prior.ofAccount()) + "\n"
                + labels.bilingual("register.history.platform", prior.ofPlatform())
                + (lines.isEmpty() ? "" : "\n" + lines);
    }
}
