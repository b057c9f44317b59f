package org.qinglang.registry;

import org.springframework.data.jpa.repository.Query;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Queries are written out in JPQL: Hibernate keeps the SQL of a JPQL query, while a query derived
 * from the method name is built with the Criteria API and translated again on every call, which
 * made these lookups a large part of registering a complaint (docs/performance.md).
 */
public interface ViolationRepository extends JpaRepository<Violation, Long> {

    @Query("select count(v) > 0 from Violation v where v.caseNumber = :caseNumber")
    boolean existsByCaseNumber(String caseNumber);

    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("delete from Violation v where v.caseNumber = ?1")
    int deleteForCase(String caseNumber);

    @Query("""
            select v from Violation v where v.platformCode = :platformCode and v.accountKey = :accountKey
            order by v.recordedAt desc limit 10""")
    List<Violation> findTop10ByPlatformCodeAndAccountKeyOrderByRecordedAtDesc(String platformCode, String accountKey);
}
