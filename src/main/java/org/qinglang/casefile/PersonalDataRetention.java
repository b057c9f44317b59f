package org.qinglang.casefile;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qinglang.common.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal data is kept only as long as each kind of record needs it (PIPL), then erased, and every
 * erasure is recorded (retention_log): a complainant's name, e-mail and phone once their case has
 * been closed for {@code qinglang.retention.complainant}; evidence files' bytes (hash, name and
 * dates stay) after {@code evidence}; the texts and addresses of mail sent, and quarantined mail,
 * after {@code mail}; account names in the register of violations after {@code register} (the
 * account's key stays, so earlier violations still count). A complainant may ask for their details
 * to be erased as soon as their case is closed.
 */
@Service
public class PersonalDataRetention {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);

    private final JdbcTemplate jdbc;
    private final PersonalDataLog accessLog;
    private final Period complainant;
    private final Period evidence;
    private final Period mail;
    private final Period register;
    private final ZoneId zone;

    public PersonalDataRetention(JdbcTemplate jdbc, PersonalDataLog accessLog,
            @Value("${qinglang.retention.complainant:P3Y}") Period complainant,
            @Value("${qinglang.retention.evidence:P3Y}") Period evidence,
            @Value("${qinglang.retention.mail:P1Y}") Period mail,
            @Value("${qinglang.retention.register:P5Y}") Period register,
            @Value("${qinglang.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.complainant = complainant;
        this.evidence = evidence;
        this.mail = mail;
        this.register = register;
        this.zone = ZoneId.of(zone);
    }

    @Scheduled(cron = "${qinglang.retention.cron:0 30 3 * * *}", zone = "${qinglang.time-zone:Asia/Shanghai}")
    public void nightly() {
        Map<String, Integer> erased = apply();
        log.info("Personal data retention: {}", erased);
    }

    /** Applies every period as of the engine's clock; how many records of each kind were erased. */
    @Transactional
    public Map<String, Integer> apply() {
        Instant now = EngineClock.now();
        Timestamp at = Timestamp.from(now);
        Map<String, Integer> erased = new LinkedHashMap<>();

        Timestamp complainantsBefore = before(now, complainant);
        List<String> cases = jdbc.queryForList("""
                SELECT case_number FROM complaint WHERE closed_at < ? AND personal_data_erased_at IS NULL
                AND (complainant_name IS NOT NULL OR complainant_email IS NOT NULL OR complainant_phone IS NOT NULL)""",
                String.class, complainantsBefore);
        for (String caseNumber : cases) {
            eraseComplainant(caseNumber, at);
            logged("COMPLAINANT", caseNumber, 1, "closed more than " + complainant + " ago", at);
        }
        erased.put("complainant", cases.size());

        List<Map<String, Object>> files = jdbc.queryForList("""
                SELECT c.case_number, COUNT(*) AS files FROM evidence e JOIN complaint c ON c.id = e.complaint_id
                WHERE c.closed_at < ? AND e.erased_at IS NULL GROUP BY c.case_number""", before(now, evidence));
        int evidenceErased = 0;
        for (Map<String, Object> row : files) {
            String caseNumber = (String) row.get("case_number");
            int count = jdbc.update("""
                    UPDATE evidence SET content = NULL, erased_at = ? WHERE erased_at IS NULL
                    AND complaint_id = (SELECT id FROM complaint WHERE case_number = ?)""", at, caseNumber);
            logged("EVIDENCE", caseNumber, count, "case closed more than " + evidence + " ago", at);
            evidenceErased += count;
        }
        erased.put("evidence", evidenceErased);

        Timestamp mailBefore = before(now, mail);
        int mails = jdbc.update("""
                UPDATE sent_mail SET body = NULL, recipient = 'erased' WHERE sent_at < ? AND recipient <> 'erased'""",
                mailBefore);
        int quarantined = jdbc.update("DELETE FROM mail_quarantine WHERE quarantined_at < ?", mailBefore);
        if (mails + quarantined > 0) {
            logged("MAIL", null, mails + quarantined, "sent or quarantined more than " + mail + " ago", at);
        }
        erased.put("mail", mails + quarantined);

        int names = jdbc.update("UPDATE violation SET account_name = NULL WHERE recorded_at < ? AND account_name IS NOT NULL",
                before(now, register));
        if (names > 0) {
            logged("REGISTER", null, names, "recorded more than " + register + " ago", at);
        }
        erased.put("register", names);
        return erased;
    }

    /**
     * The complainant's own request, once their case is closed: their name, e-mail and phone go at once.
     *
     * @return false when the case is still open (nothing erased)
     */
    @Transactional
    public boolean eraseOnRequest(String caseNumber) {
        Integer closed = jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE case_number = ? AND closed_at IS NOT NULL",
                Integer.class, caseNumber);
        if (closed == null || closed == 0) {
            return false;
        }
        Timestamp at = Timestamp.from(EngineClock.now());
        eraseComplainant(caseNumber, at);
        logged("COMPLAINANT", caseNumber, 1, "erased at the complainant's request", at);
        accessLog.record(caseNumber, "complainant", PersonalDataLog.Kind.ERASED_ON_REQUEST, null);
        return true;
    }

    private void eraseComplainant(String caseNumber, Timestamp at) {
        // The mail sent to them named them and went to their address: first, while the address is known.
        jdbc.update("""
                UPDATE sent_mail SET body = NULL, recipient = 'erased' WHERE case_number = ?
                AND recipient = (SELECT complainant_email FROM complaint WHERE case_number = ?)""", caseNumber, caseNumber);
        jdbc.update("""
                UPDATE complaint SET complainant_name = NULL, complainant_email = NULL, complainant_phone = NULL,
                personal_data_erased_at = ? WHERE case_number = ?""", at, caseNumber);
    }

    private void logged(String kind, String caseNumber, int records, String reason, Timestamp at) {
        jdbc.update("INSERT INTO retention_log (record_kind, case_number, records, reason, applied_at) VALUES (?, ?, ?, ?, ?)",
                kind, caseNumber, records, reason, at);
    }

    private Timestamp before(Instant now, Period period) {
        return Timestamp.from(now.atZone(zone).minus(period).toInstant());
    }
}
