package org.qinglang.casework;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MeasureConfirmationRepository extends JpaRepository<MeasureConfirmation, Long> {

    @Query("select c from MeasureConfirmation c where c.caseNumber = ?1 order by c.reportedAt, c.id")
    List<MeasureConfirmation> findForCase(String caseNumber);
}
