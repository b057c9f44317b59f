package org.qinglang.casefile;

import jakarta.persistence.criteria.Predicate;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.domain.Specification;

public interface ComplaintRepository extends JpaRepository<Complaint, Long>, JpaSpecificationExecutor<Complaint> {

    /** In JPQL, whose SQL Hibernate keeps (see ViolationRepository): every step of a case asks it. */
    @Query("select c from Complaint c where c.caseNumber = :caseNumber")
    Optional<Complaint> findByCaseNumber(String caseNumber);

    /** The complaints handled together with this open case (duplicates linked to it). */
    java.util.List<Complaint> findByLinkedCaseNumberOrderById(String caseNumber);

    /** In JPQL, whose SQL Hibernate keeps (see ViolationRepository): asked for every incoming mail. */
    @Query("select c from Complaint c where c.externalMessageId = :messageId")
    Optional<Complaint> findByExternalMessageId(String messageId);

    /**
     * Cases by channel and stage, newest first. Only the filters given become conditions, so each
     * combination gets its own plan and index ((source, id), (stage, id), (source, stage, id)) instead
     * of one generic plan for "(:x is null or ...)".
     */
    default Page<Complaint> search(ComplaintSource source, CaseStage stage, Pageable page) {
        Specification<Complaint> filter = (root, query, where) -> where.and(Stream.of(
                        source == null ? null : where.equal(root.get("source"), source),
                        stage == null ? null : where.equal(root.get("stage"), stage))
                .filter(Objects::nonNull).toArray(Predicate[]::new));
        return findAll(filter, PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by(Sort.Order.desc("id"))));
    }
}
