package org.qinglang.registry;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ViolationRepository extends JpaRepository<Violation, Long> {

    boolean existsByCaseNumber(String caseNumber);

    long countByPlatformCodeAndAccountKeyAndCaseNumberNot(String platformCode, String accountKey, String caseNumber);

    long countByPlatformCodeAndCaseNumberNot(String platformCode, String caseNumber);

    List<Violation> findTop10ByPlatformCodeAndAccountKeyOrderByRecordedAtDesc(String platformCode, String accountKey);
}
