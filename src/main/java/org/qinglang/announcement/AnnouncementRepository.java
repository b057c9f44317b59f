package org.qinglang.announcement;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AnnouncementRepository extends JpaRepository<Announcement, Long> {

    Optional<Announcement> findByCaseNumber(String caseNumber);

    Page<Announcement> findAllByOrderByPublishedAtDescIdDesc(Pageable page);
}
