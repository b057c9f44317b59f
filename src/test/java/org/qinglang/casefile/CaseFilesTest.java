package org.qinglang.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qinglang.CaseDriver;
import org.qinglang.QinglangTest;
import org.qinglang.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The missed deadline written by one UPDATE, and through the session when the case is already loaded. */
@QinglangTest
class CaseFilesTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    CaseFiles caseFiles;
    @Autowired
    CaseDriver cases;
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
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "shortvideo", "https://shortvideo.example/v/missed-1",
                "@missed_1").caseNumber();
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
        String caseNumber = cases.submit(ComplaintCategory.RUMOUR, "shortvideo", "https://shortvideo.example/v/missed-2",
                "@missed_2").caseNumber();

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
}
