package org.qinglang.escalation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DecisionDocumentRepository extends JpaRepository<DecisionDocument, Long> {

    @Query("select d from DecisionDocument d where d.caseNumber = ?1 and d.escalationLevel = ?2")
    Optional<DecisionDocument> findIssued(String caseNumber, int escalationLevel);

    @Query("select d from DecisionDocument d where d.caseNumber = ?1 order by d.escalationLevel")
    List<DecisionDocument> findByCase(String caseNumber);
}
