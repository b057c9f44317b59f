package org.qinglang.escalation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PoliceAnswerRepository extends JpaRepository<PoliceAnswer, Long> {

    @Query("select a from PoliceAnswer a where a.caseNumber = ?1 order by a.answeredAt, a.id")
    List<PoliceAnswer> findForCase(String caseNumber);
}
