package org.qinglang.intake;

import jakarta.persistence.EntityManager;
import java.time.ZoneId;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.qinglang.common.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Case numbers QL-YYYY-NNNNNN from a database sequence, so that every node hands out distinct numbers. */
@Component
public class CaseNumbers {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final String nextValueSql;

    public CaseNumbers(EntityManager entityManager, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.nextValueSql = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString("case_number_seq");
    }

    /** In plain JDBC: as a query of the session it would flush the session first, for nothing. */
    public String next() {
        Long value = jdbc.queryForObject(nextValueSql, Long.class);
        int year = EngineClock.now().atZone(CHINA).getYear();
        String digits = Long.toString(value.longValue());
        return "QL-" + year + "-" + "000000".substring(Math.min(6, digits.length())) + digits;
    }
}
