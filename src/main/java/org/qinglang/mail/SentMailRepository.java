package org.qinglang.mail;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SentMailRepository extends JpaRepository<SentMail, Long> {

    boolean existsByDedupKey(String dedupKey);

    Optional<SentMail> findFirstByMessageId(String messageId);

    List<SentMail> findByCaseNumberOrderById(String caseNumber);
}
