package org.qinglang.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.qinglang.common.Sha256;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The missed deadline written by one UPDATE, and through the session when the case is already loaded.
 * A slice: the case file's tables (Flyway) and JPA, without the engine or the web.
 */
@DataJpaTest(properties = "spring.flyway.enabled=true")
@Import(CaseFiles.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class CaseFilesTest {

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @Autowired
    CaseFiles caseFiles;
    @Autowired
    ComplaintRepository complaints;
    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void missedDeadlineIsWrittenWithoutLoadingTheCaseAndMovesItsVersionOn() {
        String caseNumber = newCase("missed-1");
        Complaint before = complaints.findByCaseNumber(caseNumber).orElseThrow();
        Instant later = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        ClockUtil.setCurrentTime(Date.from(later));

        new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                caseFiles.recordDeadlineMissed(caseNumber));

        Complaint after = complaints.findByCaseNumber(caseNumber).orElseThrow();
        assertThat(after.isDeadlineMissed()).isTrue();
        assertThat(after.getStage()).isEqualTo(CaseStage.ESCALATED);
        assertThat(after.getUpdatedAt()).isEqualTo(later);
        // The copy read before the update is now stale: writing it back must fail, not undo the escalation.
        before.moveTo(CaseStage.UNDER_VERIFICATION);
        assertThatThrownBy(() -> complaints.save(before)).isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(complaints.findByCaseNumber(caseNumber).orElseThrow().getStage()).isEqualTo(CaseStage.ESCALATED);
    }

    @Test
    void missedDeadlineOfACaseLoadedInTheTransactionGoesThroughTheSession() {
        String caseNumber = newCase("missed-2");

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            Complaint loaded = caseFiles.get(caseNumber);
            caseFiles.recordDeadlineMissed(caseNumber);
            // An UPDATE behind the session's back would leave this copy saying otherwise, and the
            // commit would then write its old stage over the new one.
            assertThat(loaded.isDeadlineMissed()).isTrue();
            assertThat(loaded.getStage()).isEqualTo(CaseStage.ESCALATED);
        });

        Complaint after = complaints.findByCaseNumber(caseNumber).orElseThrow();
        assertThat(after.isDeadlineMissed()).isTrue();
        assertThat(after.getStage()).isEqualTo(CaseStage.ESCALATED);
    }

    @Test
    void missedDeadlineOfAnUnknownCaseIsAnError() {
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                caseFiles.recordDeadlineMissed("QL-0000-000000"))).isInstanceOf(CaseNotFoundException.class);
    }

    private String newCase(String post) {
        String caseNumber = "QL-9999-%06d".formatted(NUMBERS.incrementAndGet());
        String url = "https://shortvideo.example/v/" + post;
        Complaint complaint = new Complaint(caseNumber, ComplaintSource.WEB, ComplaintCategory.RUMOUR,
                ReporterType.CITIZEN, "shortvideo", url, UrlNormalizer.normalize(url), "@" + post, "谣言 rumour",
                "张三", "zhang@example.org", null);
        complaint.preserveText(Sha256.hex(complaint.getDescription().getBytes(StandardCharsets.UTF_8)));
        complaint.moveTo(CaseStage.PLATFORM_NOTIFIED);
        return complaints.save(complaint).getCaseNumber();
    }
}
