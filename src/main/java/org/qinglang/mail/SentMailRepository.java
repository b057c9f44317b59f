package org.qinglang.mail;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SentMailRepository extends JpaRepository<SentMail, Long> {

    boolean existsByDedupKey(String dedupKey);

    List<SentMail> findByCaseNumberOrderById(String caseNumber);
}
