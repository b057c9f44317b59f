package org.qinglang.web;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The registers for staff: accounts (and group admins), practitioners (从业人员违法违规数据库) and
 * platforms, each with its violations and, for platforms, their own failures in the last year.
 */
@Controller
class RegisterPages {

    private final JdbcTemplate jdbc;

    RegisterPages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/staff/registers")
    @Transactional(readOnly = true)
    String registers(Model model) {
        List<Map<String, Object>> accounts = jdbc.queryForList("""
                SELECT platform_code, account_key, MAX(account_name) AS account_name, COUNT(*) AS violations,
                       MAX(recorded_at) AS latest
                FROM violation WHERE account_key IS NOT NULL GROUP BY platform_code, account_key
                ORDER BY violations DESC, latest DESC FETCH FIRST 50 ROWS ONLY""");
        List<Map<String, Object>> practitioners = jdbc.queryForList("""
                SELECT practitioner_key, MAX(practitioner) AS practitioner, COUNT(*) AS violations,
                       COUNT(DISTINCT account_key) AS accounts, MAX(recorded_at) AS latest
                FROM violation WHERE practitioner_key IS NOT NULL GROUP BY practitioner_key
                ORDER BY violations DESC, latest DESC FETCH FIRST 50 ROWS ONLY""");
        List<Map<String, Object>> platforms = jdbc.queryForList("""
                SELECT p.code, p.name_zh, p.name_en,
                       (SELECT COUNT(*) FROM violation v WHERE v.platform_code = p.code) AS violations,
                       (SELECT COUNT(*) FROM complaint c WHERE c.platform_code = p.code AND c.deadline_missed = TRUE) AS missed,
                       (SELECT COUNT(*) FROM measure_confirmation m JOIN complaint c ON c.case_number = m.case_number
                         WHERE c.platform_code = p.code AND m.executed = FALSE) AS refused
                FROM platform p ORDER BY p.code""");
        model.addAttribute("accounts", accounts);
        model.addAttribute("practitioners", practitioners);
        model.addAttribute("platformRows", platforms);
        return "registers";
    }
}
