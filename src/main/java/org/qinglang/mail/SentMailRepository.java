package org.qinglang.mail;

import org.springframework.data.jpa.repository.Query;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SentMailRepository extends JpaRepository<SentMail, Long> {

    /** In JPQL, whose SQL Hibernate keeps (see ViolationRepository): asked before every message. */
    @Query("select count(m) > 0 from SentMail m where m.dedupKey = :dedupKey")
    boolean existsByDedupKey(String dedupKey);

    Optional<SentMail> findFirstByMessageId(String messageId);

    List<SentMail> findByCaseNumberOrderById(String caseNumber);

    /** How many messages of a kind went to one address since then (answers to a sender, for loops). */
    long countByRecipientIgnoreCaseAndKindAndSentAtAfter(String recipient, String kind, java.time.Instant since);
}
