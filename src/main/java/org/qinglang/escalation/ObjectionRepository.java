package org.qinglang.escalation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ObjectionRepository extends JpaRepository<Objection, Long> {

    @Query("select o from Objection o where o.caseNumber = ?1 order by o.filedAt, o.id")
    List<Objection> findForCase(String caseNumber);
}
