package org.qinglang.workflow;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ModelAuditRepository extends JpaRepository<ModelAudit, Long> {

    List<ModelAudit> findAllByOrderByOccurredAtDescIdDesc(Pageable page);

    Optional<ModelAudit> findFirstByDeploymentIdAndAction(String deploymentId, ModelAudit.Action action);

    List<ModelAudit> findByDeploymentIdIn(java.util.Collection<String> deploymentIds);
}
