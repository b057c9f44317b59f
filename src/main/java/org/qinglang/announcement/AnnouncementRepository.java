package org.qinglang.announcement;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AnnouncementRepository extends JpaRepository<Announcement, Long> {

    Optional<Announcement> findByCaseNumber(String caseNumber);

    @Query("""
            select a from Announcement a
            where a.withdrawnAt is null
              and (:category is null or a.category = :category) and (:platform is null or a.platformCode = :platform)
            order by a.publishedAt desc, a.id desc""")
    Page<Announcement> newestFirst(String category, String platform, Pageable page);
}
