package org.qinglang.escalation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EnforcementActionRepository extends JpaRepository<EnforcementAction, Long> {

    boolean existsByCaseNumberAndEscalationLevel(String caseNumber, int escalationLevel);

    List<EnforcementAction> findByCaseNumberOrderByEscalationLevel(String caseNumber);
}
