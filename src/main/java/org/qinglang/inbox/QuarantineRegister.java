package org.qinglang.inbox;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.qinglang.common.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Why each quarantined message was quarantined: its Message-ID, sender, reason and detail. */
@Component
public class QuarantineRegister {

    private final JdbcTemplate jdbc;

    public QuarantineRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String messageId, String sender, String reason, String detail) {
        jdbc.update("INSERT INTO mail_quarantine (message_id, sender, reason, detail, quarantined_at)"
                + " VALUES (?, ?, ?, ?, ?)", cut(messageId, 998), cut(sender, 320), cut(reason, 40), cut(detail, 2000),
                Timestamp.from(EngineClock.now()));
    }

    /** The newest entries first. */
    public List<Map<String, Object>> latest(int count) {
        return jdbc.queryForList("SELECT message_id, sender, reason, detail, quarantined_at FROM mail_quarantine"
                + " ORDER BY id DESC", new Object[0]).stream().limit(count).toList();
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
