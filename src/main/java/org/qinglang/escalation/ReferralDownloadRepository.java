package org.qinglang.escalation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReferralDownloadRepository extends JpaRepository<ReferralDownload, Long> {

    @Query("select d from ReferralDownload d where d.caseNumber = ?1 order by d.downloadedAt, d.id")
    List<ReferralDownload> findForCase(String caseNumber);
}
