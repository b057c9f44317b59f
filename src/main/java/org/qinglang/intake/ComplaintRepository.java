package org.qinglang.intake;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ComplaintRepository extends JpaRepository<Complaint, Long> {

    Optional<Complaint> findByCaseNumber(String caseNumber);

    Optional<Complaint> findByExternalMessageId(String messageId);

    /**
     * Open cases about the same normalised URL that were opened before the given one, oldest first.
     * Only earlier cases count, so two complaints arriving together never link to each other.
     */
    @Query("""
            select c from Complaint c
            where c.normalizedUrl = :normalizedUrl and c.id < :complaintId
              and c.stage <> org.qinglang.intake.CaseStage.CLOSED
            order by c.id""")
    List<Complaint> findEarlierOpenCasesAbout(String normalizedUrl, Long complaintId, Pageable page);

    @Query("""
            select c from Complaint c
            where (:source is null or c.source = :source) and (:stage is null or c.stage = :stage)
            order by c.id desc""")
    Page<Complaint> search(ComplaintSource source, CaseStage stage, Pageable page);
}
