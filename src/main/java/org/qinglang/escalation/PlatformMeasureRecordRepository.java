package org.qinglang.escalation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PlatformMeasureRecordRepository extends JpaRepository<PlatformMeasureRecord, Long> {

    @Query("select r from PlatformMeasureRecord r where r.caseNumber = ?1")
    Optional<PlatformMeasureRecord> findForCase(String caseNumber);
}
